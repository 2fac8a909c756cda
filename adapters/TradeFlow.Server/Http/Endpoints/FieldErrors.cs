using System.Globalization;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Queries;
using TradeFlow.Server.Http.Errors;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// Parses request fields (query string or body) into domain values, collecting every problem under the field's
/// name, so one 400 names all the bad fields at once.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string problem)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors.Add(field, list);
        }

        list.Add(problem);
    }

    /// <exception cref="RequestValidationException">Any problem was found.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new RequestValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    public T? Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "is required");
        }

        return value;
    }

    public DateTimeOffset? Instant(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        Add(field, $"'{text}' is not an ISO 8601 instant such as 2025-03-14T09:30:00Z");
        return null;
    }

    public BusinessDate? Date(string field, string? text, bool required = false) =>
        Parse<BusinessDate>(field, text, required, BusinessDate.TryParse, "is not a date such as 2025-03-14");

    public TradeId? Trade(string field, string? text, bool required = false) =>
        Parse<TradeId>(field, text, required, TradeId.TryParse, "is not a trade id such as T000000000042");

    public BookId? Book(string field, string? text, bool required = false) =>
        Parse<BookId>(field, text, required, BookId.TryParse, "is not a book code");

    public CounterpartyId? Counterparty(string field, string? text, bool required = false) =>
        Parse<CounterpartyId>(field, text, required, CounterpartyId.TryParse, "is not a valid LEI (20 characters, ISO 17442 check digits)");

    public InstrumentId? Instrument(string field, string? text, bool required = false) =>
        Parse<InstrumentId>(field, text, required, InstrumentId.TryParse, "is not an ISIN or an FX pair such as EUR/USD");

    public Currency? Currency(string field, string? text, bool required = false) =>
        Parse<Currency>(field, text, required, Domain.Values.Currency.TryParse, "is not an ISO 4217 currency code such as EUR");

    /// <summary>A required amount above zero.</summary>
    public decimal? Positive(string field, decimal? value)
    {
        if (value is not { } v)
        {
            Add(field, "is required");
            return null;
        }

        if (v <= 0m)
        {
            Add(field, $"{v.ToString(CultureInfo.InvariantCulture)} is not a valid {field} (it must be above zero)");
            return null;
        }

        return v;
    }

    public TraderId? Trader(string field, string? text, bool required = false) =>
        Parse<TraderId>(field, text, required, TraderId.TryParse, "is not a trader code");

    public Side? Side(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            Add(field, "is required (Buy or Sell)");
            return null;
        }

        if (Enum.TryParse<Side>(text, ignoreCase: true, out var side) && Enum.IsDefined(side) && !char.IsDigit(text[0]))
        {
            return side;
        }

        Add(field, $"'{text}' is not Buy or Sell");
        return null;
    }

    public Quantity? Quantity(string field, decimal? value) =>
        NonNegative<Quantity>(field, value, Domain.Values.Quantity.TryCreate);

    public Price? Price(string field, decimal? value) =>
        NonNegative<Price>(field, value, Domain.Values.Price.TryCreate);

    public int Int(string field, string? text, int defaultValue, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Add(field, $"'{text}' is not a whole number between {min} and {max}");
        return defaultValue;
    }

    public string? Text(string field, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, "is required");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"is longer than {maxLength} characters");
        }

        return text;
    }

    /// <summary>The history view of <c>asOf</c> (recorded time) and <c>effectiveDate</c>.</summary>
    public HistoryView View(string? asOf, string? effectiveDate)
    {
        var known = Instant("asOf", asOf);
        var effective = Date("effectiveDate", effectiveDate);
        return known is null && effective is null ? HistoryView.Live : new HistoryView(KnownAt: known, EffectiveOn: effective);
    }

    private delegate bool TryParser<T>(ReadOnlySpan<char> text, out T value);

    private delegate bool TryCreator<T>(decimal value, out T result);

    private T? Parse<T>(string field, string? text, bool required, TryParser<T> parse, string problem)
        where T : struct
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Add(field, "is required");
            }

            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Add(field, $"'{text}' {problem}");
        return null;
    }

    private T? NonNegative<T>(string field, decimal? value, TryCreator<T> create)
        where T : struct
    {
        if (value is not { } v)
        {
            Add(field, "is required");
            return null;
        }

        if (create(v, out var result))
        {
            return result;
        }

        Add(field, $"{v.ToString(CultureInfo.InvariantCulture)} is not a valid {field} (it must not be negative)");
        return null;
    }
}
