using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// <see cref="JournalOptions.ExpectedStreams"/> (pass <c>engine15</c>): the writer's stream table is sized when the
/// journal opens, so streams up to that many are added without the table growing (each doubling allocated the whole
/// table again and copied every entry, on the writer's thread), and a reopened journal with streams already in it is
/// grown once, keeping every one.
/// </summary>
public sealed class ExpectedStreamsTests : IDisposable
{
    private const int Streams = 6_000;
    private readonly TempJournal _dir = new(segmentSize: 1 << 20);

    public void Dispose() => _dir.Delete();

    [Fact]
    public void A_journal_sized_for_its_streams_adds_them_without_growing_its_stream_table()
    {
        var sized = new JournalOptions(_dir.DataDirectory) { SegmentSize = _dir.Options.SegmentSize, ExpectedStreams = Streams };
        using var journal = EventJournal.Open(sized);
        var chunks = journal.StreamTableChunks;

        AppendNewStreams(journal, 0, Streams);

        Assert.Equal(chunks, journal.StreamTableChunks);
        Assert.Equal(0, journal.GetStreamVersion("trade-T0"));
        Assert.Equal(0, journal.GetStreamVersion("trade-T" + (Streams - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_unsized_journal_grows_its_stream_table_for_the_same_streams()
    {
        // The contrast that makes the test above mean something: the same appends do grow a table left at its default.
        using var journal = _dir.Open();
        var chunks = journal.StreamTableChunks;

        AppendNewStreams(journal, 0, Streams);

        Assert.True(journal.StreamTableChunks > chunks);
    }

    [Fact]
    public void Reopening_with_more_expected_streams_keeps_every_stream_and_then_adds_up_to_them_without_growing()
    {
        using (var journal = _dir.Open())
        {
            AppendNewStreams(journal, 0, Streams / 2);
        }

        var sized = new JournalOptions(_dir.DataDirectory) { SegmentSize = _dir.Options.SegmentSize, ExpectedStreams = Streams };
        using var reopened = EventJournal.Open(sized);
        var chunks = reopened.StreamTableChunks;
        for (var i = 0; i < Streams / 2; i++)
        {
            Assert.Equal(0, reopened.GetStreamVersion(Name(i)));
        }

        AppendNewStreams(reopened, Streams / 2, Streams / 2);

        Assert.Equal(chunks, reopened.StreamTableChunks);
        Assert.Equal(Streams, reopened.ReadAll(GlobalPosition.Start, Direction.Forwards).Count());
    }

    [Fact]
    public void A_negative_expected_stream_count_is_refused_when_the_journal_opens()
    {
        var options = new JournalOptions(_dir.DataDirectory) { ExpectedStreams = -1 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EventJournal.Open(options));
        Assert.Equal("ExpectedStreams", error.ParamName);
    }

    [Fact]
    public void Streams_reserved_after_the_open_are_added_without_growing_the_stream_table()
    {
        // EventJournal.ReserveStreams: the same room as ExpectedStreams, for an owner that learns the count from what
        // the open recovered (tradeflow serve); the streams already there are kept.
        using (var journal = _dir.Open())
        {
            AppendNewStreams(journal, 0, 100);
        }

        using var reopened = _dir.Open();
        reopened.ReserveStreams(Streams);
        var chunks = reopened.StreamTableChunks;
        Assert.InRange(reopened.StreamCapacity, Streams, int.MaxValue);

        AppendNewStreams(reopened, 100, Streams - 100);

        Assert.Equal(chunks, reopened.StreamTableChunks);
        Assert.Equal(0, reopened.GetStreamVersion(Name(0)));
        Assert.Equal(0, reopened.GetStreamVersion(Name(Streams - 1)));
    }

    [Fact]
    public void Reserving_fewer_streams_than_the_table_holds_leaves_it_as_it_is()
    {
        var sized = new JournalOptions(_dir.DataDirectory) { SegmentSize = _dir.Options.SegmentSize, ExpectedStreams = Streams };
        using var journal = EventJournal.Open(sized);
        var capacity = journal.StreamCapacity;

        journal.ReserveStreams(10);
        journal.ReserveStreams(0);

        Assert.Equal(capacity, journal.StreamCapacity);
    }

    [Fact]
    public void Reserving_a_negative_or_too_large_stream_count_is_refused_and_changes_nothing()
    {
        using var journal = _dir.Open();
        var capacity = journal.StreamCapacity;

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => journal.ReserveStreams(-1));
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => journal.ReserveStreams((1 << 29) + 1));

        Assert.Equal("streams", negative.ParamName);
        Assert.Equal("streams", huge.ParamName);
        Assert.Equal(capacity, journal.StreamCapacity);
    }

    [Fact]
    public void Reserving_streams_on_a_read_only_journal_is_refused()
    {
        using (var journal = _dir.Open())
        {
            AppendNewStreams(journal, 0, 1);
        }

        using var reader = EventJournal.OpenReadOnly(_dir.Options);

        var error = Assert.Throws<InvalidOperationException>(() => reader.ReserveStreams(Streams));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserving_streams_on_a_closed_journal_is_refused()
    {
        var journal = _dir.Open();
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.ReserveStreams(Streams));
    }

    // One event per new stream, 500 streams per commit, as the engine's journal stage commits a ring batch of bookings.
    private static void AppendNewStreams(EventJournal journal, int first, int count)
    {
        for (var start = first; start < first + count; start += 500)
        {
            var appends = Enumerable.Range(start, Math.Min(500, first + count - start))
                .Select(i => new StreamAppend(Name(i), ExpectedVersion.NoStream, TestEvents.Events(1))).ToArray();
            Assert.True(journal.AppendMultiple(appends, new AppendResult[appends.Length]).IsSuccess);
        }
    }

    private static string Name(int i) => "trade-T" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
