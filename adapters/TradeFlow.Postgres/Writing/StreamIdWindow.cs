using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.Postgres.Writing;

/// <summary>
/// The event ids (and positions) of a run of one stream's versions, fetched inside the append transaction for
/// <see cref="AppendRule"/>'s retry check. Only the versions the rule can look at are fetched (see
/// <see cref="For"/>), so the common append — a positional expectation that holds — costs no extra query.
/// </summary>
internal readonly struct StreamIdWindow(long first, Guid[] ids, long[] positions) : IStreamEventIds
{
    /// <summary>The window of no versions.</summary>
    public static StreamIdWindow None => new(0, [], []);

    /// <summary>The first version held.</summary>
    public long First => first;

    /// <summary>
    /// The versions [first, last] that <see cref="AppendRule.Decide"/> may read for this append, or false when it
    /// reads none. Mirrors the rule's two retry checks: the last <c>count</c> events for a holding Any/Exists, and
    /// the <c>count</c> events after the expectation for a failing positional one.
    /// </summary>
    public static bool For(ExpectedVersion expected, long current, int count, out long firstVersion, out long lastVersion)
    {
        (firstVersion, lastVersion) = (0, -1);
        if (count == 0)
        {
            return false;
        }

        if (expected.IsSatisfiedBy(current))
        {
            if (!expected.IsPositional && current + 1 >= count)
            {
                (firstVersion, lastVersion) = (current - count + 1, current);
            }
        }
        else if (expected.IsPositional && current >= expected.Version + count)
        {
            (firstVersion, lastVersion) = (expected.Version + 1, expected.Version + count);
        }

        return lastVersion >= firstVersion;
    }

    /// <inheritdoc />
    public Guid EventIdAt(long version)
    {
        var index = version - first;
        return index >= 0 && index < ids.Length ? ids[index] : Guid.Empty;
    }

    /// <summary>The global position of the event at <paramref name="version"/> (which the window holds).</summary>
    public long PositionAt(long version) => positions[version - first];
}
