using System.Text;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

/// <summary>
/// <see cref="LogMessageStore.WriteAhead"/>: a batch handed to the file before the journal's fsync is not durable —
/// only the flush's fsync makes it so — and a failed fsync writes it again; a write-ahead never waits for a flush.
/// </summary>
public sealed class LogMessageStoreWriteAheadTests : IDisposable
{
    private static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");
    private static readonly DateTime Created = new(2026, 3, 17, 7, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-write-ahead-{Guid.NewGuid():N}");
    private int _fsyncs;
    private Exception? _fsyncFailure;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string StorePath => LogMessageStore.PathFor(_directory, Id);

    [Fact]
    public void A_batch_written_ahead_is_in_the_file_and_durable_only_once_the_flush_after_it_fsyncs_it()
    {
        using var store = Open();
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        store.NextTargetMsgSeqNum = 4;

        store.WriteAhead(int.MaxValue);

        Assert.Equal(
            [LogRecordKind.Created, LogRecordKind.Numbers, LogRecordKind.Message, LogRecordKind.Numbers],
            StoreFile.Records(StorePath).Select(r => r.Kind));
        Assert.Equal((0, 1), (_fsyncs, store.DurableNextTargetMsgSeqNum));
        var length = new FileInfo(StorePath).Length;

        store.Flush();

        Assert.Equal((1, 4), (_fsyncs, store.DurableNextTargetMsgSeqNum));
        Assert.Equal(length, new FileInfo(StorePath).Length);
    }

    [Fact]
    public void A_flush_after_a_write_ahead_writes_only_what_was_queued_since_and_a_reopened_store_has_both()
    {
        using (var store = Open())
        {
            store.Set(1, Msg("one"));
            store.IncrNextSenderMsgSeqNum();
            store.WriteAhead(int.MaxValue);
            store.Set(2, Msg("two"));
            store.IncrNextSenderMsgSeqNum();

            store.Flush();
        }

        Assert.Equal(
            [LogRecordKind.Created, LogRecordKind.Numbers, LogRecordKind.Message, LogRecordKind.Numbers, LogRecordKind.Message, LogRecordKind.Numbers],
            StoreFile.Records(StorePath).Select(r => r.Kind));
        using var reopened = new LogMessageStore(_directory, Id, Created);
        Assert.Equal([(1, "one"), (2, "two")], All(reopened));
        Assert.Equal(3, reopened.NextSenderMsgSeqNum);
    }

    [Fact]
    public void A_failed_fsync_after_a_write_ahead_marks_nothing_durable_and_the_next_flush_writes_the_batch_again_in_place()
    {
        using var store = Open();
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        store.NextTargetMsgSeqNum = 4;
        store.WriteAhead(int.MaxValue);
        _fsyncFailure = new IOException("fsync failed (simulated).");

        Assert.Throws<IOException>(() => store.Flush());
        Assert.Equal(1, store.DurableNextTargetMsgSeqNum);

        _fsyncFailure = null;
        store.Flush();

        // Rewritten at the same offset (the message once), closed by the retry's own commit mark as after any failed flush.
        Assert.Equal(4, store.DurableNextTargetMsgSeqNum);
        Assert.Equal(
            [LogRecordKind.Created, LogRecordKind.Numbers, LogRecordKind.Message, LogRecordKind.Numbers, LogRecordKind.Numbers],
            StoreFile.Records(StorePath).Select(r => r.Kind));
        Assert.Equal((2, 4), StoreFile.LastNumbers(StorePath));
        Assert.Equal([(1, "one")], All(store));
    }

    [Fact]
    public async Task A_write_ahead_while_a_flush_is_fsyncing_returns_at_once_and_its_batch_rides_the_next_flush()
    {
        using var inFsync = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var store = Open(onFsync: () =>
        {
            inFsync.Set();
            Assert.True(release.Wait(TimeSpan.FromSeconds(30)), "the test never let the fsync return");
        });
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        var flushing = Task.Run(store.Flush);
        Assert.True(inFsync.Wait(TimeSpan.FromSeconds(30)));
        store.Set(2, Msg("two"));
        store.IncrNextSenderMsgSeqNum();

        var writeAhead = Task.Run(() => store.WriteAhead(int.MaxValue));
        var returned = await Task.WhenAny(writeAhead, Task.Delay(TimeSpan.FromSeconds(30))) == writeAhead;
        release.Set();
        await flushing;

        Assert.True(returned, "a write-ahead waited for the fsync under way");
        store.Flush();
        using var reopened = new LogMessageStore(_directory, Id, Created);
        Assert.Equal([(1, "one"), (2, "two")], All(reopened));
    }

    private LogMessageStore Open(Action? onFsync = null)
    {
        var store = new LogMessageStore(_directory, Id, Created);
        store.FlushToDisk = handle =>
        {
            onFsync?.Invoke();
            Interlocked.Increment(ref _fsyncs);
            if (Volatile.Read(ref _fsyncFailure) is { } failure)
            {
                throw failure;
            }

            RandomAccess.FlushToDisk(handle);
        };
        return store;
    }

    private static byte[] Msg(string text) => Encoding.ASCII.GetBytes(text);

    private static List<(int Seq, string Text)> All(LogMessageStore store)
    {
        var found = new List<(int, string)>();
        store.Get(1, int.MaxValue - 1, (seq, bytes) => found.Add((seq, Encoding.ASCII.GetString(bytes))));
        return found;
    }
}
