using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Stores;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary>
/// <c>replay</c> walks a cleanly closed journal file by file instead of opening it with its index: the same output,
/// and damage refused in the same one line, naming the segment and offset.
/// </summary>
public sealed class ReplayReadPathTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded(segmentSize: 16 * 1024).Run(90);

    public ReplayReadPathTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    private string Checkpoint => Path.Combine(_history.DataDirectory!, "journal", "index.tfi");

    private ToolResult Replay(params string[] args) => Tool.Run(["replay", .. _history.StoreArgs, .. args]);

    private bool WouldBeWalked()
    {
        using var reader = TradeFlow.Journal.Reading.SequentialJournalReader.TryOpen(
            new TradeFlow.Journal.JournalOptions(_history.DataDirectory!));
        return reader is not null;
    }

    // Flips one byte in the middle of record `index` of segment `segment`; returns the segment's path and the record's offset.
    private (string Path, int Offset) Flip(int segment, int index)
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[segment];
        var bytes = File.ReadAllBytes(path);
        var (offset, length) = JournalFiles.Records(bytes)[index];
        bytes[offset + (length / 2)] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        return (path, offset);
    }

    [Theory]
    [InlineData("--at-position", "60", "--json")]
    [InlineData("--at-position", "90")]
    public void Replay_prints_the_same_whether_the_journal_is_walked_or_opened_with_its_index(params string[] args)
    {
        Assert.True(WouldBeWalked(), "the test journal must be one replay walks, or this compares the old open with itself");
        var walked = Replay(args);
        File.Delete(Checkpoint);
        Assert.False(WouldBeWalked());
        var opened = Replay(args);

        Assert.True(walked.ExitCode == ExitCodes.Ok, walked.ToString());
        Assert.Equal(opened, walked);
    }

    [Fact]
    public void A_flipped_byte_is_refused_in_one_line_naming_the_segment_and_offset_as_before()
    {
        var (path, offset) = Flip(1, 3);

        var result = Replay("--at-position", _history.Head.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.StoreUnavailable, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(
            $"tradeflow-replay replay: the journal is corrupt: Journal corrupt in {path} at byte offset {offset}: CRC-32C mismatch on read. Run `tradeflow-replay verify --data {_history.DataDirectory}` to list every problem.",
            result.Stderr.TrimEnd());
    }

    [Fact]
    public void A_torn_tail_is_dropped_by_the_journals_own_open_and_the_committed_history_replayed()
    {
        var before = Replay("--at-position", "60", "--json");
        var last = JournalFiles.Segments(_history.DataDirectory!)[^1];
        using (var file = new FileStream(last, FileMode.Append, FileAccess.Write))
        {
            file.Write(new byte[] { 0x40, 0x01, 0, 0, 0xAB, 0xCD });
        }

        var after = Replay("--at-position", "60", "--json");

        Assert.True(before.ExitCode == ExitCodes.Ok, before.ToString());
        Assert.Equal(before, after);
    }

    // One replay, one snapshot: the walked journal up to the head it had when opened. Opening the journal itself beside
    // it (the store's old lazy Journal) gave a second snapshot, whose head a writer started since had moved on.
    [Fact]
    public void A_store_opened_for_a_forward_read_keeps_one_head_while_a_writer_appends_and_opens_no_second_snapshot()
    {
        Assert.True(WouldBeWalked(), "the test journal must be one replay walks");
        using var store = ReplayStore.OpenForForwardRead(new StoreSelection(StoreKind.Journal, _history.DataDirectory!, string.Empty));
        var head = store.Head;
        using (var writer = EventJournal.Open(new JournalOptions(_history.DataDirectory!)))
        {
            var late = new EventData(Guid.NewGuid(), "TestEvent", 1, "{}"u8.ToArray(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
            writer.AppendMultiple([new StreamAppend("test-late", ExpectedVersion.Any, [late])]).EnsureSuccess();
        }

        Assert.Throws<InvalidOperationException>(() => store.Journal);
        var read = new List<long>();
        Assert.Equal(head.Value, store.Views!.ReadAllViews(GlobalPosition.Start, long.MaxValue, (in RecordedEventView v) => read.Add(v.Position.Value)));
        Assert.Equal(head.Value, read[^1]);
    }
}
