namespace TradeFlow.Engine;

/// <summary>
/// Optional companion of <see cref="ICommandCompletion"/>: a completion that also implements it hears, on the engine's
/// publish thread, that the publish stage has delivered every completion of its current batch — once per batch per
/// completion object that received at least one <see cref="ICommandCompletion.OnCompleted"/> in it, after the last of
/// them. A gateway that acts on each completion where it is reported (rather than handing it to a thread of its own)
/// uses it to group its writes: every answer one group commit made durable leaves in one socket write per client,
/// with no thread wake-up between the publish stage and the socket (docs/fix.md). Must be quick and must never
/// block — in particular never on a client's socket: the next batch's acks, every client's, wait behind it.
/// </summary>
public interface ICommandCompletionsDelivered
{
    /// <summary>The publish stage's batch that completed this completion's commands is done.</summary>
    void OnCompletionsDelivered();
}
