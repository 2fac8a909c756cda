namespace TradeFlow.EventSourcing.Storage;

/// <summary>
/// The optimistic-concurrency and idempotency rule every backend applies to one stream's append, so
/// that they all behave alike (the contract suite checks it):
/// <list type="bullet">
/// <item>Positional expectation (<c>At(v)</c> or <c>NoStream</c> = -1) that fails: if the stream already
/// holds exactly these event ids, in order, at versions v+1…v+n, the append is a retry and succeeds with
/// no write (<see cref="AppendDecisionKind.AlreadyWritten"/>); anything else — a partial overlap, other ids,
/// the ids at another place — is a conflict.</item>
/// <item><c>Any</c> / <c>Exists</c> that holds: if the stream's last n events carry exactly these ids, the
/// append is a retry of the stream's most recent append and writes nothing; otherwise the events are
/// written. (Like EventStoreDB, only a recent retry is recognised without a positional expectation.)</item>
/// <item>An empty append only checks the expectation.</item>
/// </list>
/// </summary>
public static class AppendRule
{
    /// <summary>
    /// Decides one stream's append. <paramref name="currentVersion"/> is the stream's last version (-1: none);
    /// on <see cref="AppendDecisionKind.AlreadyWritten"/>, <paramref name="lastVersion"/> is the version of the
    /// last matching event, otherwise the stream's current version.
    /// </summary>
    public static AppendDecisionKind Decide<TIds>(ExpectedVersion expected, long currentVersion, ReadOnlySpan<EventData> events, ref TIds ids, out long lastVersion)
        where TIds : IStreamEventIds
    {
        lastVersion = currentVersion;
        var count = events.Length;
        if (expected.IsSatisfiedBy(currentVersion))
        {
            if (!expected.IsPositional && count > 0 && currentVersion + 1 >= count
                && Matches(events, currentVersion - count + 1, ref ids))
            {
                return AppendDecisionKind.AlreadyWritten;
            }

            return AppendDecisionKind.Write;
        }

        if (expected.IsPositional && count > 0 && currentVersion >= expected.Version + count
            && Matches(events, expected.Version + 1, ref ids))
        {
            lastVersion = expected.Version + count;
            return AppendDecisionKind.AlreadyWritten;
        }

        return AppendDecisionKind.Conflict;
    }

    /// <summary>Throws when a batch is malformed: a default event, or the same event id twice in one stream's part.</summary>
    public static void ValidateEvents(string stream, ReadOnlySpan<EventData> events)
    {
        for (var i = 0; i < events.Length; i++)
        {
            if (events[i].IsDefault)
            {
                throw new ArgumentException($"Event {i} of the append to '{stream}' is default(EventData).", nameof(events));
            }
        }

        // Per-stream parts are small on the hot path: a quadratic scan there avoids allocating a set per commit.
        if (events.Length <= 32)
        {
            for (var i = 1; i < events.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (events[j].EventId == events[i].EventId)
                    {
                        ThrowDuplicate(stream, events[i].EventId);
                    }
                }
            }

            return;
        }

        var seen = new HashSet<Guid>(events.Length);
        foreach (var data in events)
        {
            if (!seen.Add(data.EventId))
            {
                ThrowDuplicate(stream, data.EventId);
            }
        }
    }

    /// <summary>
    /// Throws when a multi-append names the same stream twice (each stream gets one expectation per commit).
    /// Large batches are checked through a set, so that the check stays linear. (The journal's writer, the hot
    /// path, checks the same rule on the hashes of its own lookup: <c>CommitStreams</c>.)
    /// </summary>
    public static void ValidateDistinctStreams(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        for (var i = 0; i < appends.Count; i++)
        {
            if (appends[i].Stream is null)
            {
                throw new ArgumentException($"Append {i} is default(StreamAppend).", nameof(appends));
            }
        }

        if (appends.Count <= 8)
        {
            for (var i = 1; i < appends.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(appends[i].Stream, appends[j].Stream, StringComparison.Ordinal))
                    {
                        ThrowDuplicateStream(appends[i].Stream);
                    }
                }
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < appends.Count; i++)
        {
            if (!seen.Add(appends[i].Stream))
            {
                ThrowDuplicateStream(appends[i].Stream);
            }
        }
    }

    private static void ThrowDuplicateStream(string stream) =>
        throw new ArgumentException($"Stream '{stream}' appears twice in one multi-stream append.", nameof(stream));

    private static void ThrowDuplicate(string stream, Guid id) =>
        throw new ArgumentException($"Event id {id} appears twice in the append to '{stream}'.", nameof(stream));

    private static bool Matches<TIds>(ReadOnlySpan<EventData> events, long firstVersion, ref TIds ids)
        where TIds : IStreamEventIds
    {
        for (var i = 0; i < events.Length; i++)
        {
            if (ids.EventIdAt(firstVersion + i) != events[i].EventId)
            {
                return false;
            }
        }

        return true;
    }
}
