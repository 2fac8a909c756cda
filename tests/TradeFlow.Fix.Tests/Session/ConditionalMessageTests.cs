using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Session;

public sealed class ConditionalMessageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-conditional-{Guid.NewGuid():N}");

    public ConditionalMessageTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_conditional_message_is_made_durable_by_the_flush_but_written_only_once_its_gate_opens()
    {
        using var direct = new DirectSession(OpenStore());
        direct.LogOn();
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");

        Assert.True(direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), gate));
        direct.Session.Flush();

        Assert.Equal(0, direct.Wire.Pending);
        using (var crashCopy = ReopenCopy())
        {
            // Durable (fsync'd with its condition), and still pending: a restart would not resend it as it is.
            Assert.Equal([KeyValuePair.Create(2, "FIX:CLIENT:D:ORD-1")], crashCopy.PendingConditions());
            Assert.Equal([1], Stored(crashCopy, 1, 2)); // the Logon only
        }

        Assert.True(direct.Session.Open(gate));
        direct.Session.Flush();
        var sent = direct.Wire.Next();
        Assert.Equal((MsgTypes.ExecutionReport, 2, "ORD-1"), (sent.MsgTypeString, sent.MsgSeqNum, sent.GetString(Tags.ClOrdID)));
    }

    [Fact]
    public void A_voided_conditional_message_goes_out_as_a_gap_fill_and_its_number_stays_consumed()
    {
        using var direct = new DirectSession(OpenStore());
        direct.LogOn();
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), gate);
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), gate);
        direct.Session.Flush();

        direct.Session.Void(gate);
        direct.Session.Flush();
        Assert.True(direct.Session.Send(MsgTypes.ExecutionReport, DirectSession.Body("ORD-2")));

        AssertGapFill(direct.Wire.Next(), 2, 3);
        AssertGapFill(direct.Wire.Next(), 3, 4);
        var next = direct.Wire.Next();
        Assert.Equal((4, "ORD-2"), (next.MsgSeqNum, next.GetString(Tags.ClOrdID)));
        Assert.False(direct.Session.Open(gate));
    }

    [Fact]
    public void An_unconditional_message_does_not_wait_behind_a_closed_gate_it_voids_it_first()
    {
        using var direct = new DirectSession(OpenStore());
        direct.LogOn();
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), gate);

        // A TestRequest's Heartbeat must go out now, though the engine has not confirmed ORD-1's answer.
        direct.Receive(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "PING"));

        AssertGapFill(direct.Wire.Next(), 2, 3);
        var heartbeat = direct.Wire.Next();
        Assert.Equal((MsgTypes.Heartbeat, 3), (heartbeat.MsgTypeString, heartbeat.MsgSeqNum));
        Assert.True(gate.IsVoid);
        Assert.False(direct.Session.Open(gate));
    }

    [Fact]
    public void A_resend_sends_an_opened_conditional_message_again_and_gap_fills_a_voided_one()
    {
        using var direct = new DirectSession(OpenStore());
        direct.LogOn();
        var opened = new OutboundGate("FIX:CLIENT:D:ORD-1");
        var voided = new OutboundGate("FIX:CLIENT:D:ORD-2");
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), opened);
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-2"), voided);
        direct.Session.Flush();
        direct.Session.Open(opened);
        direct.Session.Void(voided);
        direct.Session.Flush();
        Assert.Equal(2, direct.Wire.Next().MsgSeqNum);
        AssertGapFill(direct.Wire.Next(), 3, 4);

        direct.Receive(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 2); b.Add(Tags.EndSeqNo, 0); });

        var resent = direct.Wire.Next();
        Assert.Equal((2, "ORD-1", "Y"), (resent.MsgSeqNum, resent.GetString(Tags.ClOrdID), resent.GetString(Tags.PossDupFlag)));
        AssertGapFill(direct.Wire.Next(), 3, 4);
    }

    [Fact]
    public void A_session_created_on_a_store_with_unsettled_answers_resends_only_those_its_application_vouches_for()
    {
        using (var crashed = OpenStore())
        {
            crashed.SetConditional(1, Encode(1, "ORD-1"), "FIX:CLIENT:D:ORD-1");
            crashed.IncrNextSenderMsgSeqNum();
            crashed.SetConditional(2, Encode(2, "ORD-2"), "FIX:CLIENT:D:ORD-2");
            crashed.IncrNextSenderMsgSeqNum();
            crashed.Flush();
        }

        var application = new VouchingApplication("FIX:CLIENT:D:ORD-1");
        using (var direct = new DirectSession(OpenStore(), application))
        {
            Assert.Equal(3, direct.Session.NextSenderMsgSeqNum);
        }

        // Settled durably at creation, so a later start does not ask again (when the journal may say otherwise).
        using var reopened = OpenStore();
        Assert.Empty(reopened.PendingConditions());
        Assert.Equal([1], Stored(reopened, 1, 2));
    }

    [Fact]
    public async Task An_opened_answer_goes_out_while_the_fsync_of_an_answer_stored_after_it_is_still_running()
    {
        var store = new StalledFlushStore(OpenStore());
        using var direct = new DirectSession(store);
        direct.LogOn();
        var first = new OutboundGate("FIX:CLIENT:D:ORD-1");
        var second = new OutboundGate("FIX:CLIENT:D:ORD-2");
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), first);
        direct.Session.Flush();
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-2"), second);
        store.StallNextFlush();
        var flushing = Task.Run(direct.Session.Flush);
        store.AwaitStalled();

        Assert.True(direct.Session.Open(first));
        direct.Session.SendDurable();

        Assert.Equal(1, direct.Wire.Pending);
        var sent = direct.Wire.Next();
        Assert.Equal((2, "ORD-1"), (sent.MsgSeqNum, sent.GetString(Tags.ClOrdID)));
        store.Finish();
        await flushing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_opened_answer_whose_own_fsync_is_still_running_waits_for_it()
    {
        var store = new StalledFlushStore(OpenStore());
        using var direct = new DirectSession(store);
        direct.LogOn();
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), gate);
        store.StallNextFlush();
        var flushing = Task.Run(direct.Session.Flush);
        store.AwaitStalled();

        Assert.True(direct.Session.Open(gate));
        direct.Session.SendDurable();
        Assert.Equal(0, direct.Wire.Pending);

        store.Finish();
        await flushing.WaitAsync(TimeSpan.FromSeconds(30));
        var sent = direct.Wire.Next();
        Assert.Equal((2, "ORD-1"), (sent.MsgSeqNum, sent.GetString(Tags.ClOrdID)));
    }

    [Fact]
    public async Task An_inbound_order_is_processed_while_another_threads_store_fsync_is_running()
    {
        var store = new StalledFlushStore(OpenStore());
        using var direct = new DirectSession(store);
        direct.LogOn();
        direct.Session.QueueConditional(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1"), new OutboundGate("FIX:CLIENT:D:ORD-1"));
        store.StallNextFlush();
        var flushing = Task.Run(direct.Session.Flush);
        store.AwaitStalled();

        // The reader produces nothing outbound for an order, so it must not queue behind the fsync.
        var reading = Task.Run(() => direct.Receive(MsgTypes.NewOrderSingle, b => b.Add(Tags.ClOrdID, "ORD-2")));
        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(flushing.IsCompleted);

        store.Finish();
        await flushing.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static void AssertGapFill(FixMessage message, int seq, int newSeqNo)
    {
        Assert.Equal(MsgTypes.SequenceReset, message.MsgTypeString);
        Assert.Equal((seq, "Y", newSeqNo.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (message.MsgSeqNum, message.GetString(Tags.GapFillFlag), message.GetString(Tags.NewSeqNo)));
    }

    private static byte[] Encode(int seq, string clOrdId) => FixEncoder.EncodeToArray(
        new FixHeader("FIX.4.4", "TRADEFLOW", "CLIENT", seq, new DateTime(2026, 3, 17, 10, 0, 0, DateTimeKind.Utc)),
        "8"u8, DirectSession.Body(clOrdId).Written);

    private static List<int> Stored(LogMessageStore store, int begin, int end)
    {
        var seqs = new List<int>();
        store.Get(begin, end, (seq, _) => seqs.Add(seq));
        return seqs;
    }

    private LogMessageStore OpenStore() => new(_directory, DirectSessionId, new DateTime(2026, 3, 17, 0, 0, 0, DateTimeKind.Utc));

    // What a process that died now would find on disk: a copy of the file, opened as on a restart.
    private LogMessageStore ReopenCopy()
    {
        var copy = Path.Combine(_directory, "crash-copy");
        Directory.CreateDirectory(copy);
        File.Copy(LogMessageStore.PathFor(_directory, DirectSessionId), LogMessageStore.PathFor(copy, DirectSessionId), overwrite: true);
        return new LogMessageStore(copy, DirectSessionId, DateTime.UtcNow);
    }

    private static SessionId DirectSessionId => new("FIX.4.4", "TRADEFLOW", "CLIENT");

    /// <summary>An application that vouches for one condition only.</summary>
    private sealed class VouchingApplication(string met) : IApplication, IMessageConditions
    {
        public bool IsMet(SessionId sessionId, string condition) => condition == met;

        public void OnCreate(SessionId sessionId)
        {
        }

        public void OnLogon(SessionId sessionId)
        {
        }

        public void OnLogout(SessionId sessionId)
        {
        }

        public void ToAdmin(FixMessage message, SessionId sessionId)
        {
        }

        public void FromAdmin(FixMessage message, SessionId sessionId)
        {
        }

        public void ToApp(FixMessage message, SessionId sessionId)
        {
        }

        public void FromApp(FixMessage message, SessionId sessionId)
        {
        }
    }
}
