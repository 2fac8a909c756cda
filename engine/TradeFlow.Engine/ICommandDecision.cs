namespace TradeFlow.Engine;

/// <summary>
/// Optional companion of <see cref="ICommandCompletion"/>: a completion that also implements it hears each command's
/// outcome as soon as it is decided, on the journal stage's thread, just before the group commit that is to make it
/// durable — so a gateway can prepare (and persist on its own side) the reply while the journal's fsync is in flight.
/// A decided outcome is <b>not</b> an acknowledgement: the commit may still fail, and then
/// <see cref="ICommandCompletion.OnCompleted"/> reports <see cref="CommandStatus.Failed"/>. Nothing derived from it may
/// reach a client before <see cref="ICommandCompletion.OnCompleted"/> confirms it. Not called for commands that fail
/// before they are decided (their only notification is the failed completion), and called at most once per command,
/// always before its completion. Must be quick and must not block: the commit waits behind it.
/// </summary>
public interface ICommandDecision
{
    /// <summary>
    /// The command submitted with <paramref name="token"/> was decided as <paramref name="outcome"/> (its
    /// <see cref="CommandOutcome.Position"/> is not known yet); durable only once <see cref="ICommandCompletion.OnCompleted"/> says so.
    /// </summary>
    void OnDecided(long token, in CommandOutcome outcome);
}
