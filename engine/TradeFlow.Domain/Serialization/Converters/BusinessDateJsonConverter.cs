using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="BusinessDate"/> as a JSON string ("2025-03-14").</summary>
public sealed class BusinessDateJsonConverter : SpanValueConverter<BusinessDate>
{
    /// <inheritdoc/>
    protected override int MaxLength => 10;

    /// <inheritdoc/>
    protected override string TypeName => "BusinessDate";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out BusinessDate value) => BusinessDate.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(BusinessDate value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
