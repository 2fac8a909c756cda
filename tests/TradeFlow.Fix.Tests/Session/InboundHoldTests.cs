using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;
using TradeFlow.Fix.Tests.Store;

namespace TradeFlow.Fix.Tests.Session;

public sealed class InboundHoldTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-holds-{Guid.NewGuid():N}");

    public InboundHoldTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_flush_does_not_persist_the_incoming_number_past_a_message_the_application_still_holds()
    {
        await using (var harness = AcceptorHarness.Start($"FileStorePath={_directory}"))
        {
            harness.Application.OnFromApp = m => harness.Session.Hold(m.MsgSeqNum);
            await using var client = await harness.LogonAsync();

            await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));
            await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "FLUSH"));
            await client.ExpectAsync(MsgTypes.Heartbeat);

            Assert.Equal((4, 2), (harness.Session.NextTargetMsgSeqNum, harness.Session.LowestHeldMsgSeqNum));
        }

        using var reopened = new LogMessageStore(_directory, AcceptorHarness.Id, DateTime.UtcNow);
        Assert.Equal(2, reopened.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task The_lowest_held_number_is_the_least_hold_not_yet_released_after_any_holds_and_releases()
    {
        // A positive step holds that number (again, if it is held already); any other step releases one of the holds
        // still out, chosen by the step. The session keeps its lowest hold cached: it must always equal the model's.
        await using var harness = AcceptorHarness.Start($"FileStorePath={_directory}");
        var session = harness.Session;
        var steps = Gen.Choose(1, 60).SelectMany(n => Gen.ArrayOf(Gen.Choose(-20, 20), n));
        Prop.ForAll(steps.ToArbitrary(), program =>
        {
            var held = new List<InboundHold>();
            foreach (var step in program)
            {
                if (step > 0)
                {
                    held.Add(session.Hold(step));
                }
                else if (held.Count > 0)
                {
                    var i = -step % held.Count;
                    session.Release(held[i]);
                    held.RemoveAt(i);
                }

                Assert.Equal(held.Count == 0 ? 0 : held.Min(h => h.MsgSeqNum), session.LowestHeldMsgSeqNum);
            }

            held.ForEach(session.Release);
            return session.LowestHeldMsgSeqNum == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Releases_in_any_order_let_the_persisted_number_advance_only_past_the_lowest_hold()
    {
        var holds = new ConcurrentQueue<InboundHold>();
        await using var harness = AcceptorHarness.Start($"FileStorePath={_directory}");
        harness.Application.OnFromApp = m => holds.Enqueue(harness.Session.Hold(m.MsgSeqNum));
        await using var client = await harness.LogonAsync();
        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));
        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-2"));
        await FlushAsync(client);
        var (first, second) = (holds.ElementAt(0), holds.ElementAt(1));

        harness.Session.Release(second);
        await FlushAsync(client);
        Assert.Equal(2, PersistedTarget());

        harness.Session.Release(first);
        await FlushAsync(client);
        Assert.Equal(7, PersistedTarget());
    }

    [Fact]
    public async Task A_sequence_reset_drops_the_holds_and_a_release_from_before_it_is_ignored()
    {
        await using var harness = AcceptorHarness.Start($"FileStorePath={_directory}");
        InboundHold? before = null;
        InboundHold? after = null;
        harness.Application.OnFromApp = m =>
        {
            var hold = harness.Session.Hold(m.MsgSeqNum);
            if (before is null)
            {
                before = hold;
            }
            else
            {
                after = hold;
            }
        };
        await using var client = await harness.LogonAsync();
        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));
        await FlushAsync(client);
        Assert.Equal(2, harness.Session.LowestHeldMsgSeqNum);
        await client.SendAsync(MsgTypes.Logout);
        await client.ExpectAsync(MsgTypes.Logout);
        await client.ExpectDisconnectAsync();
        harness.Application.ResetSignals();

        await using var again = await harness.ConnectAsync();
        await again.SendLogonAsync(reset: true);
        await again.ExpectAsync(MsgTypes.Logon);
        Assert.Equal(0, harness.Session.LowestHeldMsgSeqNum);
        await again.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-2"));
        await FlushAsync(again);
        harness.Session.Release(before!.Value);

        Assert.Equal(2, harness.Session.LowestHeldMsgSeqNum);
        harness.Session.Release(after!.Value);
        Assert.Equal(0, harness.Session.LowestHeldMsgSeqNum);
    }

    private static async Task FlushAsync(ScriptedCounterparty client)
    {
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "FLUSH"));
        await client.ExpectAsync(MsgTypes.Heartbeat);
    }

    private int PersistedTarget()
    {
        // Read beside the open store, as a restart would find it: the last commit mark's next target.
        return StoreFile.LastNumbers(LogMessageStore.PathFor(_directory, AcceptorHarness.Id)).Target;
    }
}
