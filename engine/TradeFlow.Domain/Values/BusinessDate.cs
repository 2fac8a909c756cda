using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// A calendar date with no time zone (trade date, settlement date, coupon date), stored as the
/// day number of <see cref="DateOnly"/> (days since 0001-01-01) so date arithmetic is integer
/// arithmetic. Whether it is a business day depends on a calendar: see
/// <see cref="Calendars.HolidayCalendar"/>.
/// </summary>
public readonly struct BusinessDate : IEquatable<BusinessDate>, IComparable<BusinessDate>
{
    private readonly int _dayNumber;

    private BusinessDate(int dayNumber) => _dayNumber = dayNumber;

    /// <summary>Creates a date from year, month and day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a valid date.</exception>
    public BusinessDate(int year, int month, int day)
        : this(new DateOnly(year, month, day).DayNumber)
    {
    }

    /// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>).</summary>
    public int DayNumber => _dayNumber;

    /// <summary>The year.</summary>
    public int Year => ToDateOnly().Year;

    /// <summary>The month, 1-12.</summary>
    public int Month => ToDateOnly().Month;

    /// <summary>The day of the month, 1-31.</summary>
    public int Day => ToDateOnly().Day;

    /// <summary>The day of the week.</summary>
    public DayOfWeek DayOfWeek => (DayOfWeek)((_dayNumber + 1) % 7);

    /// <summary>True on Saturday and Sunday (calendars may define other weekends).</summary>
    public bool IsSaturdayOrSunday => DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Number of days in this date's month.</summary>
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    /// <summary>True when this is the last day of its month (end-of-month rules for coupons).</summary>
    public bool IsEndOfMonth => Day == DaysInMonth;

    /// <summary>Converts from <see cref="DateOnly"/>.</summary>
    public static BusinessDate FromDateOnly(DateOnly date) => new(date.DayNumber);

    /// <summary>Creates a date from a <see cref="DateOnly.DayNumber"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0001-01-01..9999-12-31.</exception>
    public static BusinessDate FromDayNumber(int dayNumber) => new(DateOnly.FromDayNumber(dayNumber).DayNumber);

    /// <summary>The date of an instant in UTC (how a trade date is derived from a timestamp when no desk calendar applies).</summary>
    public static BusinessDate FromUtc(DateTimeOffset instant) => FromDateOnly(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>Converts to <see cref="DateOnly"/>.</summary>
    public DateOnly ToDateOnly() => DateOnly.FromDayNumber(_dayNumber);

    /// <summary>The date <paramref name="days"/> calendar days later (earlier when negative).</summary>
    public BusinessDate AddDays(int days) => FromDayNumber(checked(_dayNumber + days));

    /// <summary>The same day <paramref name="months"/> months later, clamped to the month's end (31 Jan + 1M = 28/29 Feb).</summary>
    public BusinessDate AddMonths(int months) => FromDateOnly(ToDateOnly().AddMonths(months));

    /// <summary>Calendar days from <paramref name="earlier"/> to this date (positive when this is later).</summary>
    public int DaysSince(BusinessDate earlier) => _dayNumber - earlier._dayNumber;

    /// <summary>Parses ISO 8601 "yyyy-MM-dd".</summary>
    /// <exception cref="FormatException">Not an ISO date.</exception>
    public static BusinessDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var date))
        {
            Preconditions.ThrowFormat(nameof(BusinessDate), text, "expected an ISO 8601 date yyyy-MM-dd");
        }

        return date;
    }

    /// <summary>Tries to parse "yyyy-MM-dd" without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out BusinessDate date)
    {
        // By hand when the text has the canonical shape (the dates of every stored event): DateOnly's exact-format
        // parser was a visible share of reading a journal. Any other text takes the framework's path, and a property
        // test pins that both answer the same for canonically shaped text.
        if (HasCanonicalShape(text))
        {
            var year = Digits(text[..4]);
            var month = Digits(text.Slice(5, 2));
            var day = Digits(text.Slice(8, 2));
            var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
            date = valid ? new BusinessDate(year, month, day) : default;
            return valid;
        }

        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var parsed);
        date = ok ? FromDateOnly(parsed) : default;
        return ok;
    }

    private static bool HasCanonicalShape(ReadOnlySpan<char> text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1])
        && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
        && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Writes "yyyy-MM-dd" without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        // By hand: every journaled event carries dates, and DateOnly's custom-format path measured several
        // times slower. DateOnly's years are 1-9999, so "yyyy" is always exactly four digits.
        charsWritten = 0;
        if (destination.Length < 10)
        {
            return false;
        }

        var (year, month, day) = ToDateOnly();
        WriteDigits(destination[..4], year);
        destination[4] = '-';
        WriteDigits(destination.Slice(5, 2), month);
        destination[7] = '-';
        WriteDigits(destination.Slice(8, 2), day);
        charsWritten = 10;
        return true;
    }

    /// <summary>ISO 8601 "yyyy-MM-dd".</summary>
    public override string ToString() => ToDateOnly().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(BusinessDate other) => _dayNumber == other._dayNumber;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is BusinessDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _dayNumber;

    /// <inheritdoc/>
    public int CompareTo(BusinessDate other) => _dayNumber.CompareTo(other._dayNumber);

    /// <summary>Calendar days between two dates.</summary>
    public static int operator -(BusinessDate later, BusinessDate earlier) => later._dayNumber - earlier._dayNumber;

    /// <summary>Equality.</summary>
    public static bool operator ==(BusinessDate left, BusinessDate right) => left._dayNumber == right._dayNumber;

    /// <summary>Inequality.</summary>
    public static bool operator !=(BusinessDate left, BusinessDate right) => left._dayNumber != right._dayNumber;

    /// <summary>Chronological order.</summary>
    public static bool operator <(BusinessDate left, BusinessDate right) => left._dayNumber < right._dayNumber;

    /// <summary>Chronological order.</summary>
    public static bool operator <=(BusinessDate left, BusinessDate right) => left._dayNumber <= right._dayNumber;

    /// <summary>Chronological order.</summary>
    public static bool operator >(BusinessDate left, BusinessDate right) => left._dayNumber > right._dayNumber;

    /// <summary>Chronological order.</summary>
    public static bool operator >=(BusinessDate left, BusinessDate right) => left._dayNumber >= right._dayNumber;

    /// <summary>Subtracts (named alternative to the operator): calendar days between two dates.</summary>
    public int Subtract(BusinessDate earlier) => this - earlier;

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
