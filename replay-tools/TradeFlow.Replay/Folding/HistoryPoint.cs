using System.Globalization;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Folding;

/// <summary>
/// A point in the store's history named on the command line: a global position (<c>1234</c>) or a recorded time
/// (ISO 8601; UTC when no offset is given). Checked against the store: not before its first event, not in the future,
/// not past its head.
/// </summary>
internal readonly record struct HistoryPoint(long? Position, DateTimeOffset? Time)
{
    /// <summary>Parses "1234" as a position and anything else as a time.</summary>
    public static HistoryPoint Parse(string text, string option)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return new HistoryPoint(position, null);
        }

        return new HistoryPoint(null, ParseTime(text, option));
    }

    /// <summary>Parses an ISO 8601 time, UTC unless it says otherwise.</summary>
    public static DateTimeOffset ParseTime(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw ReplayException.BadInput($"{option} '{text}' is neither a global position nor an ISO 8601 time (e.g. 2025-03-14T14:32:00Z).");

    /// <summary>Checks the point against the store and the clock.</summary>
    public HistoryPoint Validate(ReplayStore store, DateTimeOffset now, string option)
    {
        var head = store.Head.Value;
        if (Position is { } position && (position < 1 || position > head))
        {
            throw ReplayException.BadInput(string.Create(CultureInfo.InvariantCulture, $"{option} {position} is outside the store's history (positions 1..{head})."));
        }

        if (Time is { } time)
        {
            if (time > now)
            {
                throw ReplayException.BadInput(string.Create(CultureInfo.InvariantCulture, $"{option} {time:O} is in the future (now is {now:O})."));
            }

            var first = store.FirstRecordedTime() ?? throw ReplayException.BadInput("the store is empty: there is no history to replay.");
            if (time < first)
            {
                throw ReplayException.BadInput(string.Create(CultureInfo.InvariantCulture, $"{option} {time:O} is before the store's first event (recorded {first:O}): nothing was known then."));
            }
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => Position is { } p
        ? "position " + p.ToString(CultureInfo.InvariantCulture)
        : "recorded time " + Time!.Value.ToString("O", CultureInfo.InvariantCulture);
}
