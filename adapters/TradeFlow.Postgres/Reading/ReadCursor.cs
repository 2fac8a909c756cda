using TradeFlow.EventSourcing;

namespace TradeFlow.Postgres.Reading;

/// <summary>
/// Where a paged read is: the next stream version or global position to fetch (inclusive), how many events
/// are still wanted, and, for reads of all, the head the read is bounded by. Pages are fetched by key
/// (<c>version</c> or <c>position</c>), never by OFFSET, so each page is one index range scan.
/// </summary>
internal sealed class ReadCursor
{
    private ReadCursor(string? stream, Direction direction, long next, long remaining, long bound)
    {
        Stream = stream;
        Direction = direction;
        Next = next;
        Remaining = remaining;
        Bound = bound;
    }

    /// <summary>The stream read, or null for a read of all.</summary>
    public string? Stream { get; }

    /// <summary>The direction of the read.</summary>
    public Direction Direction { get; }

    /// <summary>The next key to fetch, inclusive.</summary>
    public long Next { get; private set; }

    /// <summary>How many events are still wanted.</summary>
    public long Remaining { get; private set; }

    /// <summary>For reads of all: the highest position the read may return (the head when it began).</summary>
    public long Bound { get; }

    /// <summary>False once the read has delivered everything it should.</summary>
    public bool HasMore => Remaining > 0 && (Direction == Direction.Forwards ? Next <= Bound : Next >= Lowest);

    private long Lowest => Stream is null ? 1 : 0;

    public static ReadCursor ForStream(string stream, Direction direction, long fromVersion, long maxCount) =>
        new(stream, direction, fromVersion, maxCount, long.MaxValue);

    public static ReadCursor ForAll(GlobalPosition from, Direction direction, long maxCount, long head) =>
        direction == Direction.Forwards
            ? new(null, direction, Math.Max(from.Value, 1), maxCount, head)
            : new(null, direction, Math.Min(from.Value, head), maxCount, head);

    /// <summary>The row limit of the next page.</summary>
    public int PageLimit(int pageSize) => (int)Math.Min(Remaining, pageSize);

    /// <summary>Moves past <paramref name="page"/>; a page shorter than asked for ends the read.</summary>
    public void Advance(List<RecordedEvent> page, int limit)
    {
        Remaining = page.Count < limit ? 0 : Remaining - page.Count;
        if (page.Count > 0)
        {
            var last = Stream is null ? page[^1].Position.Value : page[^1].StreamVersion;
            Next = Direction == Direction.Forwards ? last + 1 : last - 1;
        }
    }
}
