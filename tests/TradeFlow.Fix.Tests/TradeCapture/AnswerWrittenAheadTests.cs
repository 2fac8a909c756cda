using System.Globalization;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Store;
using TradeFlow.Fix.Tests.Session;
using TradeFlow.Fix.Tests.Store;
using static TradeFlow.Fix.Tests.TradeCapture.CaptureMessages;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>
/// With a journal that writes and then fsyncs (the embedded one), a decided order's answers are stored on the journal
/// thread and handed to the FIX store's file between the journal's write and its fsync (so one file-system commit can
/// carry both). Handed to the file is not durable and not sent: the answer goes out only after both fsyncs.
/// </summary>
public sealed class AnswerWrittenAheadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-written-ahead-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();

    public AnswerWrittenAheadTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_answers_reach_the_store_file_before_the_journal_fsync_and_the_client_only_after_it()
    {
        using var journal = new FsyncGatedJournal(new InMemoryEventStore());
        await using var gateway = CaptureGateway.Start(_directory, journal, _time);
        await using var client = await LogOnAsync(gateway);

        await client.SendAsync(MsgTypes.NewOrderSingle, b => StoredAnswerTests.AddOrder(b, "ORD-1"));
        Assert.True(await journal.WaitForFsyncAsync());

        // While the journal's fsync waits: both answers (2 and 3) are stored in the FIX store's file, and not sent.
        await gateway.WaitForStoredAnswersAsync();
        var stored = StoreFile.Records(LogMessageStore.PathFor(_directory, Client)).Count(r => r.Kind == LogRecordKind.Message);
        Assert.True(stored >= 3, $"the logon answer and both execution reports are stored; found {stored}");

        journal.CompleteFsync();
        Assert.Equal(2, (await client.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
        Assert.Equal(3, (await client.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
    }

    [Fact]
    public async Task An_answer_written_ahead_whose_journal_fsync_fails_is_never_sent_its_numbers_are_gap_filled()
    {
        using var journal = new FsyncGatedJournal(new InMemoryEventStore());
        await using var gateway = CaptureGateway.Start(_directory, journal, _time);
        await using var client = await LogOnAsync(gateway);
        await client.SendAsync(MsgTypes.NewOrderSingle, b => StoredAnswerTests.AddOrder(b, "ORD-1"));
        Assert.True(await journal.WaitForFsyncAsync());
        await gateway.WaitForStoredAnswersAsync();

        journal.FailFsync();

        AssertGapFill(await client.ExpectAsync(MsgTypes.SequenceReset), 2, 3);
        AssertGapFill(await client.ExpectAsync(MsgTypes.SequenceReset), 3, 4);
    }

    private static async Task<ScriptedCounterparty> LogOnAsync(CaptureGateway gateway)
    {
        var client = await gateway.ConnectAsync();
        await client.SendLogonAsync();
        await client.ExpectAsync(MsgTypes.Logon);
        return client;
    }

    private static void AssertGapFill(FixMessage message, int seq, int newSeqNo) =>
        Assert.Equal((seq, "Y", newSeqNo.ToString(CultureInfo.InvariantCulture)),
            (message.MsgSeqNum, message.GetString(Tags.GapFillFlag), message.GetString(Tags.NewSeqNo)));
}
