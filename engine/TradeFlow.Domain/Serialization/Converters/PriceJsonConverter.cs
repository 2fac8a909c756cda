using System.Globalization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="Price"/> as a JSON string ("101.25": a string keeps the decimal exact and its scale).</summary>
public sealed class PriceJsonConverter : SpanValueConverter<Price>
{
    /// <inheritdoc/>
    protected override int MaxLength => 32;

    /// <inheritdoc/>
    protected override string TypeName => "Price";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out Price value) => Price.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(Price value, Span<char> destination, out int charsWritten) =>
        value.Value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
}
