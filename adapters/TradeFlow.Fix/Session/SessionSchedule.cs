namespace TradeFlow.Fix.Session;

/// <summary>
/// When a session may be logged on: daily StartTime–EndTime, weekly StartDay StartTime – EndDay EndTime, or non-stop,
/// in a configured time zone. As in QuickFIX, a start later than the end wraps over midnight (or over the week end),
/// and two instants belong to the same session period when both are inside it and the period began at the same
/// moment — which is how a new period is recognised and its sequence numbers reset.
/// </summary>
public sealed class SessionSchedule
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly TimeSpan _start;
    private readonly TimeSpan _end;
    private readonly TimeSpan _cycle;
    private readonly TimeZoneInfo _zone;

    private SessionSchedule(TimeSpan start, TimeSpan end, TimeSpan cycle, TimeZoneInfo zone, bool nonStop)
    {
        _start = start;
        _end = end;
        _cycle = cycle;
        _zone = zone;
        IsNonStop = nonStop;
    }

    /// <summary>Always in session; sequence numbers are never reset by the calendar (QuickFIX's NonStopSession=Y).</summary>
    public static SessionSchedule NonStop { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromDays(1), TimeZoneInfo.Utc, nonStop: true);

    /// <summary>True for <see cref="NonStop"/>.</summary>
    public bool IsNonStop { get; }

    /// <summary>A session every day from <paramref name="start"/> to <paramref name="end"/> local time in <paramref name="zone"/>.</summary>
    public static SessionSchedule Daily(TimeOnly start, TimeOnly end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new(start.ToTimeSpan(), end.ToTimeSpan(), TimeSpan.FromDays(1), zone, nonStop: false);
    }

    /// <summary>A session from <paramref name="startDay"/> <paramref name="start"/> to <paramref name="endDay"/> <paramref name="end"/>, every week.</summary>
    public static SessionSchedule Weekly(DayOfWeek startDay, TimeOnly start, DayOfWeek endDay, TimeOnly end, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new(
            TimeSpan.FromDays((int)startDay) + start.ToTimeSpan(),
            TimeSpan.FromDays((int)endDay) + end.ToTimeSpan(),
            Week,
            zone,
            nonStop: false);
    }

    /// <summary>True when <paramref name="utc"/> falls inside a session period.</summary>
    public bool IsInSession(DateTime utc) => IsNonStop || PeriodStart(utc) is not null;

    /// <summary>True when both instants fall inside the same session period (QuickFIX's <c>isInSameRange</c>).</summary>
    public bool IsInSameSession(DateTime utcA, DateTime utcB)
    {
        if (IsNonStop)
        {
            return true;
        }

        var a = PeriodStart(utcA);
        return a is not null && a == PeriodStart(utcB);
    }

    /// <summary>The local start of the period containing <paramref name="utc"/>, or null when outside every period.</summary>
    private DateTime? PeriodStart(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);
        var cycleStart = _cycle == Week ? local.Date.AddDays(-(int)local.DayOfWeek) : local.Date;
        var offset = local - cycleStart;
        if (_start == _end)
        {
            // A start equal to the end is a full cycle that restarts at the start time.
            return offset >= _start ? cycleStart + _start : cycleStart - _cycle + _start;
        }

        if (_start < _end)
        {
            return offset >= _start && offset <= _end ? cycleStart + _start : null;
        }

        // Wraps over midnight (daily) or over the week's end (weekly).
        if (offset >= _start)
        {
            return cycleStart + _start;
        }

        return offset <= _end ? cycleStart - _cycle + _start : null;
    }
}
