using System.Buffers;
using System.Diagnostics;
using System.Text;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Tests.Session;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// A bounded fuzz of a live FIX session on loopback: a constant number of mutated and random messages from a fixed
/// seed (printed in every failure, so a failure reproduces), batch by batch, each batch ending with a TestRequest that
/// must be answered — the acceptor neither crashed nor hung — while a second session answers its own.
/// </summary>
public sealed class SessionFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20260317;
    private const int Messages = 100_000;
    private const int BatchSize = 1_000;

    // About one chunk in four is garbled framing; the rest are framed, mostly with a mutated body.
    private const int GarbledPercent = 25;

    [Fact]
    public async Task Mutated_and_random_messages_get_the_specs_treatment_and_leave_the_other_session_alone()
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(Seed);
        var mutator = new BodyMutator(random);
        var garbler = new GarbledInputs(random);
        var ledger = new FuzzLedger();
        await using var gateway = FuzzGateway.Start();
        await using var fuzzer = await gateway.LogonAsync("FUZZER");
        await using var bystander = await gateway.LogonAsync("BYSTANDER");
        var now = gateway.Time.GetUtcNow().UtcDateTime;

        for (var batch = 0; batch < Messages / BatchSize; batch++)
        {
            var probe = $"FUZZ-{batch}";
            await Reproducibly(Seed, $"batch {batch}", async () =>
            {
                await bystander.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, $"BYSTANDER-{batch}"));
                await fuzzer.SendRawAsync(Batch(fuzzer, mutator, garbler, ledger, random, now, probe));
                await AccountUntilHeartbeatAsync(fuzzer, ledger, probe);
                var heartbeat = await bystander.ExpectAsync(MsgTypes.Heartbeat);
                Assert.Equal($"BYSTANDER-{batch}", heartbeat.GetString(Tags.TestReqID));
            });
        }

        ledger.Taken(gateway.Application.TakenBy(FuzzGateway.Fuzzed));
        ledger.Close();
        var session = gateway.Acceptor.Sessions[FuzzGateway.Fuzzed];
        Assert.True(ledger.Problems.Count == 0, $"Fuzz seed {Seed}: {ledger.Problems.Count} problems, first: {string.Join("\n", ledger.Problems.Take(10))}");
        Assert.True(fuzzer.NextSeq == session.NextTargetMsgSeqNum,
            $"Fuzz seed {Seed}: the session expects {session.NextTargetMsgSeqNum} but the fuzzer sent {fuzzer.NextSeq - 1} framed messages");
        await FuzzGateway.ProbeAsync(bystander, "BYSTANDER-END");
        await FuzzGateway.ProbeAsync(fuzzer, "FUZZ-END");
        Assert.Empty(gateway.Application.TakenBy(FuzzGateway.Bystander));
        output.WriteLine($"seed {Seed}: {ledger.Summary()}; {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Session_ending_faults_end_in_the_specs_logout_and_a_clean_relogon()
    {
        var random = new Random(Seed);
        await using var gateway = FuzzGateway.Start();
        await using var bystander = await gateway.LogonAsync("BYSTANDER");
        var fuzzer = await gateway.LogonAsync("FUZZER");
        try
        {
            for (var round = 0; round < 9; round++)
            {
                var current = fuzzer;
                await Reproducibly(Seed, $"round {round}", async () =>
                {
                    await FuzzGateway.ProbeAsync(current, $"BEFORE-{round}");
                    await EndSessionAsync(current, round % 3, random);
                    await gateway.Application.WaitForLogoutAsync(FuzzGateway.Fuzzed);
                    await FuzzGateway.ProbeAsync(bystander, $"BYSTANDER-{round}");
                });
                await current.DisposeAsync();
                fuzzer = await gateway.LogonAsync("FUZZER");
                Assert.Equal(2, gateway.Acceptor.Sessions[FuzzGateway.Fuzzed].NextTargetMsgSeqNum);
            }

            await FuzzGateway.ProbeAsync(fuzzer, "FUZZ-END");
            await FuzzGateway.ProbeAsync(bystander, "BYSTANDER-END");
        }
        finally
        {
            await fuzzer.DisposeAsync();
        }
    }

    /// <summary>Wrong CompID (Reject 9, Logout, our Logout answer), wrong BeginString or a number too low (Logout), then the disconnect.</summary>
    private static async Task EndSessionAsync(ScriptedCounterparty client, int fault, Random random)
    {
        switch (fault)
        {
            case 0:
                var wrongSender = random.Next(2) == 0;
                await client.SendAsync(MsgTypes.Heartbeat, sender: wrongSender ? $"INTRUDER{random.Next(100)}" : null,
                    target: wrongSender ? null : $"ELSEWHERE{random.Next(100)}");
                SequenceTests.AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: client.NextSeq - 1, reason: 9, refTag: null);
                await client.ExpectAsync(MsgTypes.Logout);
                await client.SendAsync(MsgTypes.Logout);
                break;
            case 1:
                string[] versions = ["FIX.4.2", "FIX.4.3", "FIXT.1.1", "FIX.5.0", "FIX.4.4.1"];
                await client.SendAsync(MsgTypes.Heartbeat, beginString: versions[random.Next(versions.Length)]);
                Assert.Equal("Incorrect BeginString", (await client.ExpectAsync(MsgTypes.Logout)).GetString(Tags.Text));
                break;
            default:
                var expected = client.NextSeq;
                var low = random.Next(1, expected);
                await client.SendAsync(MsgTypes.Heartbeat, seq: low);
                Assert.Equal($"MsgSeqNum too low, expecting {expected} but received {low}",
                    (await client.ExpectAsync(MsgTypes.Logout)).GetString(Tags.Text));
                break;
        }

        await client.ExpectDisconnectAsync();
    }

    /// <summary>One batch as a single write: framed and garbled chunks in random order, then the TestRequest probe.</summary>
    private static byte[] Batch(ScriptedCounterparty fuzzer, BodyMutator mutator, GarbledInputs garbler, FuzzLedger ledger,
        Random random, DateTime now, string probe)
    {
        var bytes = new ArrayBufferWriter<byte>(BatchSize * 300);
        for (var i = 0; i < BatchSize; i++)
        {
            if (random.Next(100) < GarbledPercent)
            {
                bytes.Write(garbler.Next(fuzzer.NextSeq, now, out var kind));
                ledger.Garbled(kind);
                continue;
            }

            var seq = fuzzer.NextSeq++;
            var (msgType, body) = mutator.Next(out var mutations);
            ledger.Framed(seq, mutations);
            bytes.Write(Frame(seq, now, msgType, body));
        }

        bytes.Write(Frame(fuzzer.NextSeq++, now, MsgTypes.TestRequest, Encoding.ASCII.GetBytes($"112={probe}\u0001")));
        return bytes.WrittenSpan.ToArray();
    }

    private static byte[] Frame(int seq, DateTime now, string msgType, byte[] body) =>
        FixEncoder.EncodeToArray(new FixHeader("FIX.4.4", "FUZZER", "TRADEFLOW", seq, now), Encoding.ASCII.GetBytes(msgType), body);

    /// <summary>Accounts for every reply until the Heartbeat answering <paramref name="probe"/>; anything else is a failure.</summary>
    private static async Task AccountUntilHeartbeatAsync(ScriptedCounterparty fuzzer, FuzzLedger ledger, string probe)
    {
        while (true)
        {
            var reply = await fuzzer.ReceiveAsync($"the Heartbeat answering {probe}");
            if (reply.MsgTypeString == MsgTypes.Heartbeat && reply.GetString(Tags.TestReqID) == probe)
            {
                return;
            }

            Assert.True(ledger.Answer(reply), ledger.Problems.Count > 0 ? ledger.Problems[^1] : "");
        }
    }

    private static async Task Reproducibly(int seed, string where, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            throw new XunitException($"Fuzz seed {seed}, {where}: {e.Message}", e);
        }
    }
}
