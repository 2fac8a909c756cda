namespace TradeFlow.Fix.Codec;

/// <summary>
/// A field's position in a parsed message's buffer: its tag and where its value lies.
/// Positions, not strings, so parsing allocates nothing per field.
/// </summary>
/// <param name="Tag">The tag number.</param>
/// <param name="ValueOffset">The offset of the value's first byte in <see cref="FixMessage.Raw"/>.</param>
/// <param name="ValueLength">The value's length in bytes (0 for an empty value such as <c>58=</c>).</param>
public readonly record struct FixField(int Tag, int ValueOffset, int ValueLength);
