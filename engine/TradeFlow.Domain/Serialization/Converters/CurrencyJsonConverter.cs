using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="Currency"/> as a JSON string ("EUR").</summary>
public sealed class CurrencyJsonConverter : SpanValueConverter<Currency>
{
    /// <inheritdoc/>
    protected override int MaxLength => 3;

    /// <inheritdoc/>
    protected override string TypeName => "Currency";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out Currency value) => Currency.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(Currency value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
