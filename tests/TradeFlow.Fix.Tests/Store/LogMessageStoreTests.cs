using System.Buffers.Binary;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

public sealed class LogMessageStoreTests : DurableMessageStoreContract, IDisposable
{
    private static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-log-store-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    protected override IMessageStore CreateStore(DateTime creationTime) => new LogMessageStore(_directory, Id, creationTime);

    private string StorePath => LogMessageStore.PathFor(_directory, Id);

    [Fact]
    public void The_store_is_one_file_named_after_the_session()
    {
        using var store = CreateStore(Created);

        Assert.Equal(["FIX.4.4-TRADEFLOW-CLIENT.store"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_flush_appends_the_batch_then_its_commit_mark()
    {
        using var store = CreateStore(Created);
        store.Set(1, Msg("one"));
        store.Set(2, Msg("two"));
        store.IncrNextSenderMsgSeqNum();
        store.IncrNextSenderMsgSeqNum();
        store.NextTargetMsgSeqNum = 5;

        store.Flush();

        Assert.Equal(
            [LogRecordKind.Created, LogRecordKind.Numbers, LogRecordKind.Message, LogRecordKind.Message, LogRecordKind.Numbers],
            StoreFile.Records(StorePath).Select(r => r.Kind));
        Assert.Equal((3, 5), StoreFile.LastNumbers(StorePath));
    }

    [Fact]
    public void A_flush_with_nothing_new_writes_nothing()
    {
        using var store = CreateStore(Created);
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        store.Flush();
        var length = new FileInfo(StorePath).Length;

        store.Flush();

        Assert.Equal(length, new FileInfo(StorePath).Length);
    }

    [Fact]
    public void A_message_queued_but_not_flushed_can_be_resent()
    {
        using var store = CreateStore(Created);
        store.Set(1, Msg("one"));
        store.Flush();
        store.Set(2, Msg("two"));

        Assert.Equal([(1, "one"), (2, "two")], All(store));
    }

    [Fact]
    public void A_batch_torn_by_a_crash_is_cut_off_because_it_was_never_sent()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("first"));
            store.IncrNextSenderMsgSeqNum();
            store.Flush();
            store.Set(2, Msg("second"));
            store.IncrNextSenderMsgSeqNum();
            store.Flush();
        }

        var records = StoreFile.Records(StorePath);
        var secondBatch = records.Last(r => r.Kind == LogRecordKind.Message).Offset;
        // A crash before the fsync: the second batch reached the disk only in part (its commit mark is missing).
        var torn = new FileInfo(StorePath).Length - 3;
        using (var file = new FileStream(StorePath, FileMode.Open))
        {
            file.SetLength(torn);
        }

        using var reopened = CreateStore(Created);

        Assert.Equal([(1, "first")], All(reopened));
        Assert.Equal(2, reopened.NextSenderMsgSeqNum);
        Assert.Equal(secondBatch, new FileInfo(StorePath).Length);
    }

    [Fact]
    public void A_zero_filled_tail_reads_as_the_end_of_the_store()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("first"));
            store.Flush();
        }

        var length = new FileInfo(StorePath).Length;
        File.AppendAllText(StorePath, new string('\0', 4096));

        using var reopened = CreateStore(Created);

        Assert.Equal([(1, "first")], All(reopened));
        Assert.Equal(length, new FileInfo(StorePath).Length);
    }

    [Fact]
    public void A_damaged_record_before_a_commit_mark_is_reported_with_file_and_offset()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("first message"));
            store.Flush();
            store.Set(2, Msg("second message"));
            store.Flush();
        }

        var first = StoreFile.Records(StorePath).First(r => r.Kind == LogRecordKind.Message).Offset;
        FlipByte(first + 12);

        var error = Assert.Throws<MessageStoreCorruptException>(() => CreateStore(Created));

        Assert.Equal(StorePath, error.FilePath);
        Assert.Equal(first, error.Offset);
    }

    [Fact]
    public void A_message_before_the_creation_record_is_reported_as_corrupt()
    {
        Directory.CreateDirectory(_directory);
        var seq = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(seq, 1);
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        LogRecord.Write(writer, LogRecordKind.Message, seq, Msg("stray"));
        File.WriteAllBytes(StorePath, writer.WrittenSpan.ToArray());

        var error = Assert.Throws<MessageStoreCorruptException>(() => CreateStore(Created));

        Assert.Equal((StorePath, 0L), (error.FilePath, error.Offset));
    }

    [Fact]
    public void A_store_whose_creation_never_became_durable_starts_anew()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(StorePath, [17, 0, 0]);

        using var store = CreateStore(Created);

        Assert.Equal((1, 1, Created), (store.NextSenderMsgSeqNum, store.NextTargetMsgSeqNum, store.CreationTime));
    }

    [Fact]
    public async Task Messages_read_back_whole_while_other_threads_flush_and_move_the_numbers()
    {
        using (var store = CreateStore(Created))
        {
            var writer = Task.Run(() =>
            {
                for (var seq = 1; seq <= 2000; seq++)
                {
                    store.Set(seq, Msg($"message {seq}"));
                    store.IncrNextSenderMsgSeqNum();
                    if (seq % 7 == 0)
                    {
                        store.Flush();
                    }
                }

                store.Flush();
            });
            var reader = Task.Run(() =>
            {
                while (!writer.IsCompleted)
                {
                    store.IncrNextTargetMsgSeqNum();
                    store.Get(1, int.MaxValue - 1, (seq, bytes) => Assert.Equal($"message {seq}", System.Text.Encoding.ASCII.GetString(bytes)));
                }
            });
            await Task.WhenAll(writer, reader);
            store.Flush();
        }

        using var reopened = CreateStore(Created);

        Assert.Equal(2000, All(reopened).Count);
        Assert.Equal(2001, reopened.NextSenderMsgSeqNum);
    }

    private void FlipByte(long offset)
    {
        using var file = new FileStream(StorePath, FileMode.Open);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0xFF));
    }
}
