namespace TradeFlow.Engine;

/// <summary>
/// Receives a command's outcome. Called once per submitted command, on the engine's publish thread,
/// strictly after the command's events are durable. Implementations must be quick and must not block
/// (hand off to the session's own thread or queue, or write only what cannot block): every later command's ack waits
/// behind this call. A completion that also implements <see cref="ICommandCompletionsDelivered"/> hears when the
/// publish stage's batch is delivered, to group what it does per batch.
/// </summary>
public interface ICommandCompletion
{
    /// <summary>The command submitted with <paramref name="token"/> ended with <paramref name="outcome"/>.</summary>
    void OnCompleted(long token, in CommandOutcome outcome);
}
