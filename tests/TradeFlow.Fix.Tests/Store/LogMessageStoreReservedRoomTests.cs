using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

/// <summary>
/// The zero-filled room the store keeps written after its log (session 12): its flushes write over blocks the file
/// holds and sync with <c>fdatasync</c>; the zeros read as the log's end, and a restart cuts them off with any torn batch.
/// </summary>
public sealed class LogMessageStoreReservedRoomTests : IDisposable
{
    private static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");
    private static readonly DateTime Created = new(2026, 3, 15, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-log-room-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string StorePath => LogMessageStore.PathFor(_directory, Id);

    [Fact]
    public void A_flush_leaves_zeros_written_after_the_log_and_the_next_flushes_write_inside_them()
    {
        using var store = new LogMessageStore(_directory, Id, Created);
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        store.Flush();
        var length = new FileInfo(StorePath).Length;

        store.Set(2, Msg("two"));
        store.IncrNextSenderMsgSeqNum();
        store.Flush();

        var logEnd = LogEnd();
        Assert.True(length - logEnd >= LogMessageStore.ReservedRoom / 2, $"only {length - logEnd} bytes reserved after the log");
        Assert.Equal(length, new FileInfo(StorePath).Length);
        Assert.All(File.ReadAllBytes(StorePath)[(int)logEnd..], b => Assert.Equal(0, b));
        Assert.Equal((3, 1), StoreFile.LastNumbers(StorePath));
    }

    [Fact]
    public void A_reopened_store_keeps_every_flushed_message_and_cuts_the_reserved_zeros_off()
    {
        using (var store = new LogMessageStore(_directory, Id, Created))
        {
            store.Set(1, Msg("one"));
            store.Set(2, Msg("two"));
            store.NextSenderMsgSeqNum = 3;
            store.NextTargetMsgSeqNum = 7;
            store.Flush();
        }

        var logEnd = LogEnd();
        using var reopened = new LogMessageStore(_directory, Id, Created);

        Assert.Equal([(1, "one"), (2, "two")], All(reopened));
        Assert.Equal((3, 7), (reopened.NextSenderMsgSeqNum, reopened.NextTargetMsgSeqNum));
        Assert.Equal(logEnd, new FileInfo(StorePath).Length);
        reopened.Set(3, Msg("three"));
        reopened.IncrNextSenderMsgSeqNum();
        reopened.Flush();
        reopened.Dispose();
        using var again = new LogMessageStore(_directory, Id, Created);
        Assert.Equal([(1, "one"), (2, "two"), (3, "three")], All(again));
    }

    [Fact]
    public void A_batch_torn_by_a_crash_inside_the_reserved_room_is_cut_off_because_it_was_never_sent()
    {
        long durableEnd;
        using (var store = new LogMessageStore(_directory, Id, Created))
        {
            store.Set(1, Msg("first"));
            store.IncrNextSenderMsgSeqNum();
            store.Flush();
            durableEnd = LogEnd();

            // Written over the zeros, never synced: the crash kept all of it but its commit mark's last bytes.
            store.Set(2, Msg("second"));
            store.IncrNextSenderMsgSeqNum();
            store.WriteAhead(int.MaxValue);
        }

        var tornAt = LogEnd() - 3;
        using (var file = new FileStream(StorePath, FileMode.Open))
        {
            file.Position = tornAt;
            file.Write(new byte[3]);
        }

        using var reopened = new LogMessageStore(_directory, Id, Created);

        Assert.Equal([(1, "first")], All(reopened));
        Assert.Equal(2, reopened.NextSenderMsgSeqNum);
        Assert.Equal(durableEnd, new FileInfo(StorePath).Length);
    }

    [Fact]
    public void A_failed_sync_while_reserving_writes_the_room_again_with_the_next_flush()
    {
        using var store = new LogMessageStore(_directory, Id, Created);
        var fail = true;
        store.FlushToDisk = handle =>
        {
            if (fail)
            {
                throw new IOException("fdatasync failed (simulated).");
            }

            RandomAccess.FlushToDisk(handle);
        };
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        Assert.Throws<IOException>(() => store.Flush());
        // What the failed sync may have dropped is garbage now, as far as the store knows.
        using (var file = new FileStream(StorePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Position = file.Length - 100;
            file.Write(Enumerable.Repeat((byte)0xAB, 100).ToArray());
        }

        fail = false;
        store.Flush();

        Assert.All(File.ReadAllBytes(StorePath)[(int)LogEnd()..], b => Assert.Equal(0, b));
        store.Dispose();
        using var reopened = new LogMessageStore(_directory, Id, Created);
        Assert.Equal([(1, "one")], All(reopened));
    }

    [Fact]
    public void Every_flushed_message_reads_back_after_a_restart_wherever_the_reserved_room_ends()
    {
        // Batches of messages up to 40 KB each: a run crosses the room's end several times, at arbitrary offsets.
        var batches = Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 40_000)).Select(sizes => sizes.Take(6).ToArray())).Select(b => b.Take(12).ToArray());
        Prop.ForAll(batches.ToArbitrary(), sizes =>
        {
            Dispose();
            var expected = new List<(int, string)>();
            using (var store = new LogMessageStore(_directory, Id, Created))
            {
                var seq = 1;
                foreach (var batch in sizes)
                {
                    foreach (var size in batch)
                    {
                        var text = new string((char)('a' + (seq % 26)), size);
                        store.Set(seq, Msg(text));
                        store.IncrNextSenderMsgSeqNum();
                        expected.Add((seq++, text));
                    }

                    if (seq % 2 == 0)
                    {
                        store.WriteAhead(int.MaxValue);
                    }

                    store.Flush();
                }
            }

            using var reopened = new LogMessageStore(_directory, Id, Created);
            return All(reopened).SequenceEqual(expected) && reopened.NextSenderMsgSeqNum == expected.Count + 1;
        }).QuickCheckThrowOnFailure();
    }

    // Where the last record that reads ends: the log, without the reserved zeros.
    private long LogEnd()
    {
        var last = StoreFile.Records(StorePath)[^1];
        return last.Offset + last.Payload.Length + LogRecord.Overhead;
    }

    private static byte[] Msg(string text) => Encoding.ASCII.GetBytes(text);

    private static List<(int Seq, string Text)> All(LogMessageStore store)
    {
        var found = new List<(int, string)>();
        store.Get(1, int.MaxValue - 1, (seq, bytes) => found.Add((seq, Encoding.ASCII.GetString(bytes))));
        return found;
    }
}
