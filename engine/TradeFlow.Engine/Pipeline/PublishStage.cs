using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The publish stage, gated on durability (the sync stage, or the journal stage when its append is the durable
/// commit): for each command, in sequence order, feeds the subscribers its
/// committed events and then completes it — so an ack never precedes durability, and a caller that reads a
/// live projection after its ack finds its own events there. Callback exceptions are reported, never allowed
/// to stop the acks of other commands. Releases the slot's references afterwards. At the end of each batch, a
/// completion that asked for it (<see cref="ICommandCompletionsDelivered"/>) hears that its completions are delivered.
/// </summary>
internal sealed class PublishStage : IEventHandler<CommandSlot>
{
    private readonly IEngineSubscriber[] _subscribers;
    private readonly Action<object, Exception> _onError;
    // The completions completed in this batch that want to hear of its end (ICommandCompletionsDelivered): usually one
    // gateway, so a list searched by reference.
    private readonly List<ICommandCompletionsDelivered> _deliveredListeners = new(4);

    /// <summary>Creates the stage.</summary>
    public PublishStage(IReadOnlyList<IEngineSubscriber> subscribers, Action<object, Exception> onError)
    {
        _subscribers = [.. subscribers];
        _onError = onError;
    }

    /// <inheritdoc/>
    public void OnBatchStart(long batchSize)
    {
        if (JournalStageCycles.Enabled)
        {
            JournalStageCycles.PublishStarted();
        }
    }

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        try
        {
            var journal = data.Journal;
            CommandOutcome outcome;
            if ((journal.Failure ?? data.DurabilityFailure) is { } failure)
            {
                outcome = CommandOutcome.Failed("Not durable, not acknowledged: " + failure.Message);
            }
            else
            {
                outcome = data.Decision.Outcome;
                if (journal.Count > 0)
                {
                    outcome = outcome.At(journal.Committed[^1].Position);
                    Notify(journal.Committed);
                }
            }

            Complete(data, outcome);
        }
        finally
        {
            data.Release();
        }

        if (endOfBatch && _deliveredListeners.Count > 0)
        {
            NotifyDelivered();
        }
    }

    // Once per listener per batch, after its last completion; a listener's exception is reported like a completion's
    // and never stops the next batch's acks.
    private void NotifyDelivered()
    {
        foreach (var listener in _deliveredListeners)
        {
            try
            {
                listener.OnCompletionsDelivered();
            }
#pragma warning disable CA1031 // Reported through OnSubscriberError; one caller's bug must not stop the others' acks.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onError(listener, ex);
            }
        }

        _deliveredListeners.Clear();
    }

    private void Notify(ReadOnlySpan<CommittedEvent> committed)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber.OnCommitted(committed);
            }
#pragma warning disable CA1031 // Reported through OnSubscriberError; the events are durable and the acks must go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onError(subscriber, ex);
            }
        }
    }

    private void Complete(CommandSlot data, in CommandOutcome outcome)
    {
        if (data.Completion is not { } completion)
        {
            return;
        }

        // Registered before the call: a completion that throws after acting on part of the outcome (an answer opened)
        // still hears the batch's end and can deliver what it did.
        if (completion is ICommandCompletionsDelivered delivered && !_deliveredListeners.Contains(delivered))
        {
            _deliveredListeners.Add(delivered);
        }

        try
        {
            completion.OnCompleted(data.Token, outcome);
        }
#pragma warning disable CA1031 // Reported through OnSubscriberError; one caller's bug must not stop the others' acks.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onError(completion, ex);
        }
    }
}
