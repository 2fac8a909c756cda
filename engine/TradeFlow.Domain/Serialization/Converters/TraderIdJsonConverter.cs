using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="TraderId"/> as a JSON string (the code).</summary>
public sealed class TraderIdJsonConverter : SpanValueConverter<TraderId>
{
    /// <inheritdoc/>
    protected override int MaxLength => 12;

    /// <inheritdoc/>
    protected override string TypeName => "TraderId";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out TraderId value) => TraderId.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(TraderId value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
