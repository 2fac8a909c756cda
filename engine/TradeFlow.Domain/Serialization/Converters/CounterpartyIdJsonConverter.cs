using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="CounterpartyId"/> as a JSON string (the LEI).</summary>
public sealed class CounterpartyIdJsonConverter : SpanValueConverter<CounterpartyId>
{
    /// <inheritdoc/>
    protected override int MaxLength => 20;

    /// <inheritdoc/>
    protected override string TypeName => "CounterpartyId";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out CounterpartyId value) => CounterpartyId.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(CounterpartyId value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
