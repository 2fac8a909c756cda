using System.Runtime.CompilerServices;

namespace TradeFlow.EventSourcing.Storage;

/// <summary>
/// A catch-up subscription to all over any <see cref="IEventJournal"/> plus its <see cref="CommitNotifier"/>:
/// reads history in pages up to the head, then waits for the next commit and reads again. The next
/// position to deliver is the only state, so the switch from history to live can neither skip nor repeat
/// an event.
/// </summary>
public static class CatchUpSubscription
{
    /// <summary>The most events read per page before the head is looked at again.</summary>
    public const int PageSize = 4096;

    /// <summary>Delivers every event at or after <paramref name="from"/>, history then live, until cancelled or disposed.</summary>
    public static async IAsyncEnumerable<RecordedEvent> SubscribeAsync(
        IEventJournal source,
        CommitNotifier notifier,
        GlobalPosition from,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(notifier);
        var next = from.IsEnd ? source.HeadPosition.Next : Max(from, GlobalPosition.Start.Next);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Take the signal before reading the head (see CommitNotifier).
            var signal = notifier.NextCommit();
            var head = source.HeadPosition;
            if (head >= next)
            {
                var count = Math.Min(head.Value - next.Value + 1, PageSize);
                foreach (var recorded in source.ReadAll(next, Direction.Forwards, count))
                {
                    next = recorded.Position.Next;
                    yield return recorded;
                }

                continue;
            }

            if (!await signal.WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private static GlobalPosition Max(GlobalPosition a, GlobalPosition b) => a > b ? a : b;
}
