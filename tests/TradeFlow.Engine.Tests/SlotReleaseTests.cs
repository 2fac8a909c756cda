using System.Runtime.CompilerServices;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Pipeline;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// What a slot keeps once its command is answered: the publish stage's <see cref="CommandSlot.Release"/> drops every
/// reference a stage wrote, so nothing of an answered command lives for a lap of the ring (until a stage next reaches
/// the slot). Session 12: the compliance part was not released — a refused command's reasons, warnings and failure
/// stayed reachable from the slot for a lap.
/// </summary>
public sealed class SlotReleaseTests
{
    [Fact]
    public void Releasing_a_slot_drops_the_compliance_parts_reasons_warnings_and_failure()
    {
        var slot = new CommandSlot();
        var written = WriteCompliance(slot);

        slot.Release();

        Assert.Empty(slot.Compliance.Failures);
        Assert.Empty(slot.Compliance.Warnings);
        Assert.Null(slot.Compliance.Failure);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.All(written, reference => Assert.False(reference.IsAlive, "an object the compliance stage wrote outlived the slot's release"));
        GC.KeepAlive(slot);
    }

    [Fact]
    public void A_released_compliance_part_takes_the_next_commands_results_as_before()
    {
        var slot = new CommandSlot();
        WriteCompliance(slot);
        slot.Release();

        slot.Compliance.Reset();
        slot.Compliance.Failures.Add(new RejectionReason(RejectionCode.RestrictedInstrument, "second"));

        Assert.Equal("second", Assert.Single(slot.Compliance.Failures).Message);
        Assert.Empty(slot.Compliance.Warnings);
    }

    // Out of line, so that no local of the caller's frame keeps the objects alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] WriteCompliance(CommandSlot slot)
    {
        var reason = new RejectionReason(RejectionCode.RestrictedInstrument, string.Concat("restricted ", "instrument"));
        var warning = string.Concat("price outside ", "the band");
        var failure = new InvalidOperationException("a check failed");
        slot.Compliance.Reset();
        slot.Compliance.Failures.Add(reason);
        slot.Compliance.Warnings.Add(warning);
        slot.Compliance.Failure = failure;
        return [new WeakReference(reason), new WeakReference(warning), new WeakReference(failure)];
    }
}
