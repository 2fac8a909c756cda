using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// Risk then compliance on one thread (<see cref="CheckPlacement.SharedThread"/>, or inside the decide stage with
/// <see cref="CheckPlacement.DecideThread"/>): the same two handlers, the same parts of the slot, run one after the
/// other per slot; on a shared thread its one sequence gates decide. The stage graph is
/// unchanged — neither check reads the other's part, so their order within a slot does not matter — only their
/// placement: on a 2-core machine two threads with ~0.1 µs of work each spent ~85 % of their CPU waiting on the
/// producer (docs/benchmarks.md, pass <c>engine5</c>), and one thread waits half as much.
/// </summary>
internal sealed class ChecksStage : IEventHandler<CommandSlot>
{
    private readonly RiskStage _risk;
    private readonly ComplianceStage _compliance;

    /// <summary>Creates the stage over the two checks it runs.</summary>
    public ChecksStage(RiskStage risk, ComplianceStage compliance)
    {
        _risk = risk;
        _compliance = compliance;
    }

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        // Each check catches its own failures into its own part of the slot, so one cannot keep the other from running.
        _risk.OnEvent(data, sequence, endOfBatch);
        _compliance.OnEvent(data, sequence, endOfBatch);
    }
}
