using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.Tests;

/// <summary>What a test compares of an event view: every field, the payload copied out of the reader's buffer.</summary>
internal sealed record SeenView(long Position, Guid EventId, string Type, int SchemaVersion, DateTimeOffset Recorded, DateTimeOffset Effective, byte[] Payload)
{
    /// <summary>Equal fields, the same recorded offset and the same payload bytes.</summary>
    public static IEqualityComparer<SeenView> Comparer { get; } = new FieldComparer();

    /// <summary>Reads views through <paramref name="source"/>, checking that the count it returns is the number handed over.</summary>
    public static List<SeenView> Read(IEventViewSource source, GlobalPosition from, long maxCount)
    {
        var seen = new List<SeenView>();
        var count = source.ReadAllViews(from, maxCount, (in RecordedEventView v) =>
            seen.Add(new SeenView(v.Position.Value, v.EventId, v.Type, v.SchemaVersion, v.RecordedTime, v.EffectiveTime, v.Payload.ToArray())));
        Assert.Equal(seen.Count, count);
        return seen;
    }

    private sealed class FieldComparer : IEqualityComparer<SeenView>
    {
        public bool Equals(SeenView? x, SeenView? y) => x is not null && y is not null
            && (x.Position, x.EventId, x.Type, x.SchemaVersion, x.Recorded, x.Effective) == (y.Position, y.EventId, y.Type, y.SchemaVersion, y.Recorded, y.Effective)
            && x.Recorded.Offset == y.Recorded.Offset && x.Payload.AsSpan().SequenceEqual(y.Payload);

        public int GetHashCode(SeenView obj) => obj.Position.GetHashCode();
    }
}
