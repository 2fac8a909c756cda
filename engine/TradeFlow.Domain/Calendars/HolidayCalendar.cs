using System.Collections.Frozen;
using TradeFlow.Domain.Internal;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Calendars;

/// <summary>
/// A business-day calendar: weekend days plus a list of holidays (for example TARGET2 for EUR,
/// the Federal Reserve / SIFMA calendar for USD). Immutable; <see cref="Join"/> combines
/// calendars so that a date is a business day only when it is one in every member, which is how
/// an FX pair's value date is found (both currencies must settle that day).
/// </summary>
public sealed class HolidayCalendar
{
    private readonly FrozenSet<int> _holidays;
    private readonly int _weekendMask;

    /// <summary>Creates a calendar with a Saturday/Sunday weekend.</summary>
    public HolidayCalendar(string name, IEnumerable<BusinessDate> holidays)
        : this(name, holidays, [DayOfWeek.Saturday, DayOfWeek.Sunday])
    {
    }

    /// <summary>Creates a calendar with the given weekend days.</summary>
    /// <exception cref="ArgumentException">The name is blank or every day of the week is a weekend day.</exception>
    public HolidayCalendar(string name, IEnumerable<BusinessDate> holidays, IEnumerable<DayOfWeek> weekend)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(weekend);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A calendar needs a name.");
        Name = name;
        _holidays = holidays.Select(d => d.DayNumber).ToFrozenSet();
        _weekendMask = weekend.Aggregate(0, (mask, day) => mask | (1 << (int)day));
        Preconditions.CheckArgument(_weekendMask != 0x7F, nameof(weekend), $"Calendar {name} has no working days.");
    }

    private HolidayCalendar(string name, FrozenSet<int> holidays, int weekendMask)
    {
        Name = name;
        _holidays = holidays;
        _weekendMask = weekendMask;
    }

    /// <summary>The calendar's name, e.g. "TARGET" or "USD+EUR" for a joint calendar.</summary>
    public string Name { get; }

    /// <summary>The holidays, in date order.</summary>
    public IEnumerable<BusinessDate> Holidays => _holidays.Order().Select(BusinessDate.FromDayNumber);

    /// <summary>A calendar in which every weekday is a business day.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new("WEEKENDS", []);

    /// <summary>True when the date is neither a weekend day nor a holiday.</summary>
    public bool IsBusinessDay(BusinessDate date) =>
        (_weekendMask & (1 << (int)date.DayOfWeek)) == 0 && !_holidays.Contains(date.DayNumber);

    /// <summary>True when the date is a holiday or weekend day.</summary>
    public bool IsHoliday(BusinessDate date) => !IsBusinessDay(date);

    /// <summary>
    /// Moves <paramref name="businessDays"/> business days forward (backward when negative). A start on a
    /// non-business day counts from there: T+2 from a Saturday is the second business day after it.
    /// </summary>
    public BusinessDate AddBusinessDays(BusinessDate date, int businessDays)
    {
        var step = businessDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(businessDays);
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int BusinessDaysBetween(BusinessDate from, BusinessDate to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsBusinessDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Moves a date that is not a business day according to <paramref name="convention"/>.</summary>
    public BusinessDate Adjust(BusinessDate date, BusinessDayConvention convention)
    {
        if (convention == BusinessDayConvention.Unadjusted || IsBusinessDay(date))
        {
            return date;
        }

        return convention switch
        {
            BusinessDayConvention.Following => Next(date, 1),
            BusinessDayConvention.Preceding => Next(date, -1),
            BusinessDayConvention.ModifiedFollowing => SameMonthOr(Next(date, 1), date, () => Next(date, -1)),
            BusinessDayConvention.ModifiedPreceding => SameMonthOr(Next(date, -1), date, () => Next(date, 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Unknown business-day convention."),
        };
    }

    /// <summary>
    /// A calendar whose business days are business days in both calendars: weekends and holidays are
    /// the union. Named "A+B".
    /// </summary>
    public HolidayCalendar Join(HolidayCalendar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other))
        {
            return this;
        }

        var holidays = _holidays.Concat(other._holidays).ToFrozenSet();
        return new HolidayCalendar(Name + "+" + other.Name, holidays, _weekendMask | other._weekendMask);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private BusinessDate Next(BusinessDate date, int step)
    {
        do
        {
            date = date.AddDays(step);
        }
        while (!IsBusinessDay(date));

        return date;
    }

    private static BusinessDate SameMonthOr(BusinessDate candidate, BusinessDate original, Func<BusinessDate> fallback) =>
        candidate.Month == original.Month ? candidate : fallback();
}
