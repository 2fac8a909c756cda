using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Decisions;
using TradeFlow.Engine.Pipeline;
using TradeFlow.Engine.Tests.EngineEight;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Ring.Processing;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// The decide stage without a <see cref="Decision"/> per command, a <see cref="Trade"/> per booking or a dictionary of
/// outcomes (engine9) decides exactly as the stage it replaced (<see cref="EngineEightDecideStage"/>, kept here as the
/// reference): for every command of a random stream — bookings, every lifecycle command, credit-limit changes and
/// resends of earlier commands — the same events (payload bytes), streams, expected versions, command kind, warnings
/// and outcome, which is everything the journal stage writes; and the same state at the end.
/// </summary>
public sealed class DecideStageEquivalenceTests
{
    private static readonly ReferenceDataSet Data = EngineHistory.DemoWithSterlingLimit();
    private static readonly TimeSpan WashWindow = TimeSpan.FromMinutes(5);

    [Fact]
    public void Random_command_streams_decide_the_same_journal_input_and_outcomes_as_the_engine_eight_stage()
    {
        var runs =
            from steps in EngineHistory.Steps(60)
            from resends in Gen.ArrayOf(Gen.Choose(0, 1000), 6)
            from wash in Gen.Elements(WashTradeMode.Flag, WashTradeMode.Reject, WashTradeMode.Off)
            from capacity in Gen.Elements(0, 7, 5_000)
            select (Steps: steps.Where(s => s.Op != EngineHistory.Restart).ToArray(), Resends: resends, Wash: wash, Capacity: capacity);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var commands = Commands(run.Steps, run.Resends);
            // Room made up front (EngineOptions.ExpectedTrades: none, 7 — rounded up to one chunk of each table —, or five
            // chunks) changes no answer. These 60-step histories never outgrow a chunk: the next property grows a sized state.
            DecidesAsTheEngineEightStage(commands, run.Capacity, run.Wash);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void A_state_sized_below_the_history_grows_past_its_chunks_and_decides_the_same_as_the_engine_eight_stage()
    {
        // The histories above never outgrow a chunk. Here a chunk's worth of small bookings first (that later steps never
        // address) fills the state to the end of the live-trade table's first chunk (1,024) or the outcome map's first
        // (2,048 keys), give or take two, so the random steps' own trades and keys land in chunks grown on the way: with no
        // room made up front, or room for 7 (one chunk of each, outgrown). Most runs must cross (counted).
        var crossed = 0;
        var runs =
            from steps in EngineHistory.Steps(30)
            from fill in Gen.OneOf(Gen.Choose(LiveTradeTable.ChunkSize - 2, LiveTradeTable.ChunkSize),
                Gen.Choose(OutcomeMap.ChunkSize - 2, OutcomeMap.ChunkSize))
            from resends in Gen.ArrayOf(Gen.Choose(0, 1000), 3)
            from capacity in Gen.Elements(0, 7)
            select (Steps: steps.Where(s => s.Op != EngineHistory.Restart).ToArray(), Fill: fill, Resends: resends, Capacity: capacity);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var commands = Commands(run.Steps, run.Resends, run.Fill);
            var state = DecidesAsTheEngineEightStage(commands, run.Capacity, WashTradeMode.Flag);
            if (run.Fill < OutcomeMap.ChunkSize - 2 ? state.Trades.Count() > LiveTradeTable.ChunkSize : state.Outcomes.Count() > OutcomeMap.ChunkSize)
            {
                crossed++;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12));
        Assert.True(crossed >= 6, $"{crossed} of 12 runs crossed a chunk's end");
    }

    [Fact]
    public void A_booking_allocates_at_least_200_bytes_less_on_the_decide_thread_than_the_engine_eight_stage()
    {
        // Exact bytes on this thread (GC.GetAllocatedBytesForCurrentThread), over 4,000 bookings after 100 to warm up, all
        // accepted (small enough to stay under the soft limit, all buys so no wash trade), checks included: the Decision,
        // its event array and the Trade (~40 + ~32 + ~110 bytes) are gone, and the outcome map copies no entries (measured:
        // 801 → 525 B per booking).
        var bookings = Enumerable.Range(0, 4_100).Select(i => (TradeCommand)Booking(i)).ToArray();
        var newBytes = BytesPerBooking(bookings, (slot, i) => Decide(
            new DecideStage(new DecisionState(Data, WashWindow), Data, null, WashTradeMode.Flag, new EngineFault(null), Checks()),
            slot, bookings, i));
        var oldBytes = BytesPerBooking(bookings, (slot, i) => Decide(
            new EngineEightDecideStage(new EngineEightDecisionState(Data, WashWindow), Data, null, WashTradeMode.Flag,
                new EngineFault(null), Checks()),
            slot, bookings, i));

        Assert.True(newBytes <= oldBytes - 200, $"decide thread: {newBytes:F1} B per booking now, {oldBytes:F1} B before");
    }

    [Fact]
    public void A_booking_allocates_at_least_100_bytes_less_on_the_decide_thread_when_the_state_was_sized_up_front()
    {
        // EngineOptions.ExpectedTrades: the live-trade table's, the id index's and the outcome map's chunks and buckets are
        // allocated with the state, so a booking no longer pays its share of them on the decide thread (80 + 4 + 32 bytes
        // and the buckets' rebuilds; measured 524.9 → 397.9 B per booking).
        var bookings = Enumerable.Range(0, 4_100).Select(i => (TradeCommand)Booking(i)).ToArray();
        var sized = BytesPerBooking(bookings, (slot, i) => Decide(
            new DecideStage(new DecisionState(Data, WashWindow, bookings.Length), Data, null, WashTradeMode.Flag, new EngineFault(null), Checks()),
            slot, bookings, i));
        var growing = BytesPerBooking(bookings, (slot, i) => Decide(
            new DecideStage(new DecisionState(Data, WashWindow), Data, null, WashTradeMode.Flag, new EngineFault(null), Checks()),
            slot, bookings, i));

        Assert.True(sized <= growing - 100, $"decide thread: {sized:F1} B per booking sized up front, {growing:F1} B growing");
    }

    // Decides every command on the current stage and on the engine-eight reference, each on its own state: every answer
    // and the final state must be the same. Returns the current stage's state.
    private static DecisionState DecidesAsTheEngineEightStage(List<TradeCommand> commands, int capacity, WashTradeMode wash)
    {
        var state = new DecisionState(Data, WashWindow, capacity);
        var reference = new EngineEightDecisionState(Data, WashWindow);
        var stage = new DecideStage(state, Data, null, wash, new EngineFault(null), Checks());
        var old = new EngineEightDecideStage(reference, Data, null, wash, new EngineFault(null), Checks());
        var slot = new CommandSlot();
        var referenceSlot = new CommandSlot();
        for (var i = 0; i < commands.Count; i++)
        {
            Decide(stage, slot, commands[i], i);
            Decide(old, referenceSlot, commands[i], i);
            Assert.Equal(Describe(referenceSlot), Describe(slot));
            slot.Release();
            referenceSlot.Release();
        }

        Assert.Equal(DescribeState(reference), DescribeState(state));
        return state;
    }

    private static ChecksStage Checks() => new(new RiskStage(Data), new ComplianceStage(Data, PriceBands.Default));

    private static double BytesPerBooking(TradeCommand[] bookings, Func<CommandSlot, int, Action<int>> start)
    {
        var slot = new CommandSlot();
        var decide = start(slot, 0);
        const int warmUp = 100;
        for (var i = 0; i < warmUp; i++)
        {
            decide(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = warmUp; i < bookings.Length; i++)
        {
            decide(i);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)(bookings.Length - warmUp);
    }

    private static Action<int> Decide(IEventHandler<CommandSlot> stage, CommandSlot slot, TradeCommand[] commands, int _) => i =>
    {
        Decide(stage, slot, commands[i], i);
        slot.Release();
    };

    private static void Decide(IEventHandler<CommandSlot> stage, CommandSlot slot, TradeCommand command, long sequence)
    {
        slot.Load(new EngineCommand(command, "TEST:harness", "tester"), NoCompletion.Instance, sequence);
        stage.OnEvent(slot, sequence, endOfBatch: true);
    }

    // The engine's own commands, with earlier ones sent again at random points (a resend is answered from the outcome map).
    private static List<TradeCommand> Commands((int Op, int Target, int Variant)[] steps, int[] resends, int fill = 0)
    {
        using var history = new EngineHistory(Data);
        history.Prefill(fill);
        foreach (var (op, target, variant) in steps)
        {
            history.Run(op, target, variant);
        }

        history.Stop();
        var commands = new List<TradeCommand>(history.Sent);
        // Drawn from the tail, after the prefill (its keys are never resent): a resend and the command it repeats both come
        // from the steps, so a key stored in a chunk grown during them is looked up again, and after the growth.
        foreach (var resend in resends)
        {
            var tail = commands.Count - fill;
            if (tail > 0)
            {
                commands.Insert(fill + resend % (tail + 1), commands[fill + resend % tail]);
            }
        }

        return commands;
    }

    private static BookTrade Booking(int i) => new BookTradeBuilder()
        .At(new DateTimeOffset(2025, 3, 14, 14, 30, 0, TimeSpan.Zero).AddSeconds(i))
        .WithSourceKey($"alloc:{i}")
        .With(t => t with { Quantity = Domain.Values.Quantity.Of(1m + (i % 50)) })
        .Build();

    internal static List<string> Describe(CommandSlot slot)
    {
        var output = slot.Decision;
        var outcome = output.Outcome;
        List<string> lines =
        [
            $"{outcome.Status} {outcome.TradeId} dup={outcome.IsDuplicate} error={outcome.Error} kind={output.Kind} " +
            $"reasons=[{string.Join("; ", outcome.Reasons.IsDefault ? [] : outcome.Reasons)}] " +
            $"warnings=[{string.Join("; ", outcome.Warnings.IsDefault ? [] : outcome.Warnings)}] " +
            $"journaled=[{string.Join("; ", output.Warnings.IsDefault ? [] : output.Warnings)}]",
        ];
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var pending in output.Events)
        {
            buffer.ResetWrittenCount();
            var (type, version) = TradeEventSerializer.Instance.Serialize(pending.Event, buffer);
            lines.Add($"{pending.Stream} {pending.Expected} {type}.v{version} {Convert.ToHexString(buffer.WrittenSpan)}");
        }

        return lines;
    }

    internal static List<string> DescribeState(DecisionState state) =>
    [
        $"next {state.NextTradeId}",
        .. state.Trades.Select(t => $"{t.State} v{t.Version} {t.Stream} {t.Economics} {t.Exposure.LimitId} {t.Exposure.Exposure} {t.Exposure.NotionalInBase} {t.State.GetHashCode()}"),
        .. state.Outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"),
        .. state.Utilisation.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"),
        .. state.SettlementLadder.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"),
    ];

    private static List<string> DescribeState(EngineEightDecisionState state) =>
    [
        $"next {state.NextTradeId}",
        .. state.Trades.Select(t => $"{t.State} v{t.State.Version} {t.Stream} {t.State.Economics} {t.Exposure.LimitId} {t.Exposure.Exposure} {t.Exposure.NotionalInBase} {t.State.GetHashCode()}"),
        .. state.Outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"),
        .. state.Utilisation.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"),
        .. state.SettlementLadder.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"),
    ];

    private sealed class NoCompletion : ICommandCompletion
    {
        public static readonly NoCompletion Instance = new();

        public void OnCompleted(long token, in CommandOutcome outcome)
        {
        }
    }
}
