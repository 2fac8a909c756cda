using TradeFlow.Domain.Trades;

namespace TradeFlow.Engine.Pipeline;

/// <summary>The compliance stage's part of a slot: failures (each a code and a reason) and warnings, in reused lists.</summary>
internal sealed class ComplianceResult
{
    /// <summary>Checks that failed.</summary>
    public List<RejectionReason> Failures { get; } = new(4);

    /// <summary>Checks that could not be made or passed with a remark.</summary>
    public List<string> Warnings { get; } = new(2);

    /// <summary>A failure of the stage for this command (a bug, not a business outcome): the command fails.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Clears the part before the stage writes it.</summary>
    public void Reset()
    {
        Failures.Clear();
        Warnings.Clear();
        Failure = null;
    }

    /// <summary>
    /// Drops every reference the part holds once the command is answered (the publish stage's release), so a refused
    /// command's reasons, warnings or failure do not live for a lap of the ring — until the stage next reaches the slot.
    /// </summary>
    public void Release() => Reset();
}
