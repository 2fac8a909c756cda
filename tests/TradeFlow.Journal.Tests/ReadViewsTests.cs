using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

public sealed class ReadViewsTests : IDisposable
{
    // Small segments and a 100 KiB payload among small ones: views across segment ends and a record larger than its chunk.
    private readonly TempJournal _dir = new(segmentSize: 256 * 1024);

    public void Dispose() => _dir.Delete();

    private sealed record Seen(long Position, Guid EventId, string Type, int SchemaVersion, DateTimeOffset Recorded, DateTimeOffset Effective, byte[] Payload);

    private static List<Seen> Views(EventJournal journal, GlobalPosition from, long maxCount)
    {
        var seen = new List<Seen>();
        var count = journal.ReadAllViews(from, maxCount, (in RecordedEventView v) =>
            seen.Add(new Seen(v.Position.Value, v.EventId, v.Type, v.SchemaVersion, v.RecordedTime, v.EffectiveTime, v.Payload.ToArray())));
        Assert.Equal(seen.Count, count);
        return seen;
    }

    private static List<Seen> Recorded(EventJournal journal, GlobalPosition from, long maxCount) =>
    [
        .. journal.ReadAll(from, Direction.Forwards, maxCount).Select(r =>
            new Seen(r.Position.Value, r.EventId, r.Type, r.SchemaVersion, r.RecordedTime, r.EffectiveTime, r.Payload.ToArray())),
    ];

    private void Write()
    {
        using var journal = _dir.Open();
        for (var i = 0; i < 40; i++)
        {
            journal.AppendMultiple(
            [
                new StreamAppend($"trade-T{i}", ExpectedVersion.Any, TestEvents.Events(5, payloadSize: 200 + (i * 37))),
                new StreamAppend("trade-big", ExpectedVersion.Any, TestEvents.Events(i == 20 ? 1 : 0, payloadSize: 100 * 1024)),
            ]).EnsureSuccess();
        }
    }

    [Theory]
    [InlineData(1, long.MaxValue)]
    [InlineData(57, 90)]
    [InlineData(150, long.MaxValue)]
    public void Views_of_the_global_log_carry_the_same_events_as_a_full_read(long from, long maxCount)
    {
        Write();
        using var journal = _dir.Open();
        Assert.True(_dir.Segments().Length > 1, "the test needs events on more than one segment");

        var views = Views(journal, GlobalPosition.FromInt64(from), maxCount);

        Assert.NotEmpty(views);
        Assert.Equal(Recorded(journal, GlobalPosition.FromInt64(from), maxCount), views, new SeenComparer());
    }

    [Fact]
    public void A_view_over_a_record_whose_bytes_rotted_after_the_open_is_refused_with_its_offset()
    {
        Write();
        using var journal = _dir.Open();
        var path = _dir.Segments()[0];
        var segment = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(segment)[9];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Position = offset + (length / 2);
            file.WriteByte((byte)(segment[offset + (length / 2)] ^ 0x10));
        }

        var ex = Assert.Throws<JournalCorruptException>(() => journal.ReadAllViews(GlobalPosition.Start, long.MaxValue, (in RecordedEventView _) => { }));
        Assert.Equal(offset, ex.Offset);
    }

    private sealed class SeenComparer : IEqualityComparer<Seen>
    {
        public bool Equals(Seen? x, Seen? y) => x is not null && y is not null
            && (x.Position, x.EventId, x.Type, x.SchemaVersion, x.Recorded, x.Effective) == (y.Position, y.EventId, y.Type, y.SchemaVersion, y.Recorded, y.Effective)
            && x.Recorded.Offset == y.Recorded.Offset && x.Payload.AsSpan().SequenceEqual(y.Payload);

        public int GetHashCode(Seen obj) => obj.Position.GetHashCode();
    }
}
