namespace TradeFlow.Domain.Values;

/// <summary>
/// The built-in ISO 4217 table: the currencies a bank's FX, money-market and bond desks
/// commonly trade, with their minor units as published by the ISO 4217 maintenance agency
/// (SIX, "List one"). Extend here; codes outside the table cannot be constructed on purpose,
/// so a typo in a FIX message is a reject, not a new currency.
/// </summary>
internal static class CurrencyTable
{
    public static readonly (string Code, int MinorUnits)[] Entries =
    [
        ("AED", 2), ("ARS", 2), ("AUD", 2), ("BGN", 2), ("BHD", 3), ("BRL", 2), ("CAD", 2),
        ("CHF", 2), ("CLP", 0), ("CNY", 2), ("COP", 2), ("CZK", 2), ("DKK", 2), ("EUR", 2),
        ("GBP", 2), ("HKD", 2), ("HUF", 2), ("IDR", 2), ("ILS", 2), ("INR", 2), ("ISK", 0),
        ("JOD", 3), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("MXN", 2), ("MYR", 2), ("NOK", 2),
        ("NZD", 2), ("OMR", 3), ("PHP", 2), ("PLN", 2), ("RON", 2), ("SAR", 2), ("SEK", 2),
        ("SGD", 2), ("THB", 2), ("TND", 3), ("TRY", 2), ("TWD", 2), ("USD", 2), ("VND", 0),
        ("ZAR", 2),
    ];
}
