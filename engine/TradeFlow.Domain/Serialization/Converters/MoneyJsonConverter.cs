using System.Globalization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="Money"/> as a JSON string ("1234.50 EUR").</summary>
public sealed class MoneyJsonConverter : SpanValueConverter<Money>
{
    /// <inheritdoc/>
    protected override int MaxLength => 40;

    /// <inheritdoc/>
    protected override string TypeName => "Money";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out Money value) => Money.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(Money value, Span<char> destination, out int charsWritten) =>
        FormatMoney(value, destination, out charsWritten);

    private static bool FormatMoney(Money value, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (value.Currency.IsDefault || !value.Amount.TryFormat(destination, out var amountLength, default,
                CultureInfo.InvariantCulture) || destination.Length < amountLength + 4)
        {
            return false;
        }

        destination[amountLength] = ' ';
        value.Currency.TryFormat(destination[(amountLength + 1)..], out _);
        charsWritten = amountLength + 4;
        return true;
    }
}
