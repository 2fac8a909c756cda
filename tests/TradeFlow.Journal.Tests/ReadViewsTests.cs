using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.Tests;

public sealed class ReadViewsTests : IDisposable
{
    // Small segments and a 100 KiB payload among small ones: views across segment ends and a record larger than its chunk.
    private readonly TempJournal _dir = new(segmentSize: 256 * 1024);

    public void Dispose() => _dir.Delete();

    private static List<SeenView> Views(EventJournal journal, GlobalPosition from, long maxCount) => SeenView.Read(journal, from, maxCount);

    private static List<SeenView> Recorded(EventJournal journal, GlobalPosition from, long maxCount) =>
    [
        .. journal.ReadAll(from, Direction.Forwards, maxCount).Select(r =>
            new SeenView(r.Position.Value, r.EventId, r.Type, r.SchemaVersion, r.RecordedTime, r.EffectiveTime, r.Payload.ToArray())),
    ];

    private void Write() => MixedHistory.Write(_dir);

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
        Assert.Equal(Recorded(journal, GlobalPosition.FromInt64(from), maxCount), views, SeenView.Comparer);
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
}
