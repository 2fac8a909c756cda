namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The completion behind <see cref="TradeEngine.SubmitAsync"/>: a task source whose continuations run on the
/// thread pool, never inline on the publish thread (an awaiting HTTP handler must not run on the engine's thread).
/// </summary>
internal sealed class TaskCompletion : TaskCompletionSource<CommandOutcome>, ICommandCompletion
{
    /// <summary>Creates the completion.</summary>
    public TaskCompletion()
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
    }

    /// <inheritdoc/>
    public void OnCompleted(long token, in CommandOutcome outcome) => TrySetResult(outcome);
}
