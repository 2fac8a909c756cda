using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="TradeId"/> as a JSON string ("T000000000042").</summary>
public sealed class TradeIdJsonConverter : SpanValueConverter<TradeId>
{
    /// <inheritdoc/>
    protected override int MaxLength => 13;

    /// <inheritdoc/>
    protected override string TypeName => "TradeId";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out TradeId value) => TradeId.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(TradeId value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
