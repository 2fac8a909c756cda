using System.Globalization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="Quantity"/> as a JSON string ("1000000").</summary>
public sealed class QuantityJsonConverter : SpanValueConverter<Quantity>
{
    /// <inheritdoc/>
    protected override int MaxLength => 32;

    /// <inheritdoc/>
    protected override string TypeName => "Quantity";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out Quantity value) => Quantity.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(Quantity value, Span<char> destination, out int charsWritten) =>
        value.Value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
}
