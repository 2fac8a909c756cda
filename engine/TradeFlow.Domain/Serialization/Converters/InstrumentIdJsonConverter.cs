using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="InstrumentId"/> as a JSON string (an ISIN or "EUR/USD").</summary>
public sealed class InstrumentIdJsonConverter : SpanValueConverter<InstrumentId>
{
    /// <inheritdoc/>
    protected override int MaxLength => 12;

    /// <inheritdoc/>
    protected override string TypeName => "InstrumentId";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out InstrumentId value) => InstrumentId.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(InstrumentId value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
