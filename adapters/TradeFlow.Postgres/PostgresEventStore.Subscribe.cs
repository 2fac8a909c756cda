using System.Runtime.CompilerServices;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres.Reading;

namespace TradeFlow.Postgres;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// A catch-up subscription to all: pages of history, then live commits, woken by LISTEN/NOTIFY and polling
    /// every <see cref="PostgresEventStoreOptions.PollInterval"/> as the fallback. The next position to deliver is
    /// its only state; because positions are dense and commit in order (the head lock), reading "from next" can
    /// never skip an event that commits later with a lower position. <see cref="GlobalPosition.End"/> is resolved
    /// synchronously when enumeration starts, so a commit made after the first <c>MoveNextAsync</c> call is delivered.
    /// </summary>
    public IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(GlobalPosition from, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        return SubscribeCoreAsync(from, cancellationToken);
    }

    private async IAsyncEnumerable<RecordedEvent> SubscribeCoreAsync(GlobalPosition from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = from.IsEnd ? Db.RunSync(ReadHeadAsync(async: false, cancellationToken)) + 1 : Math.Max(from.Value, 1);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        var listener = CommitListener.Start(_dataSource, _options.Channel, _options.PollInterval, stopping.Token);
        await using (listener.ConfigureAwait(false))
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await ReadLiveAsync(next, cancellationToken).ConfigureAwait(false);
                if (page is null)
                {
                    yield break;
                }

                foreach (var recorded in page)
                {
                    next = recorded.Position.Value + 1;
                    yield return recorded;
                }

                if (page.Count < _options.PageSize && !await WaitForCommitAsync(listener, cancellationToken, stopping.Token).ConfigureAwait(false))
                {
                    yield break;
                }
            }
        }
    }

    // The next page from `next` on, or null once the store is disposed (which ends subscriptions without an error).
    private async ValueTask<List<RecordedEvent>?> ReadLiveAsync(long next, CancellationToken cancellationToken)
    {
        if (_disposed.IsCancellationRequested)
        {
            return null;
        }

        var cursor = ReadCursor.ForAll(GlobalPosition.FromInt64(next), Direction.Forwards, _options.PageSize, long.MaxValue);
        try
        {
            return await ReadPageAsync(cursor, _options.PageSize, async: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException) when (_disposed.IsCancellationRequested)
        {
            return null;
        }
    }

    // True when woken (by a notification or the poll interval); false when the store was disposed.
    private async ValueTask<bool> WaitForCommitAsync(CommitListener listener, CancellationToken caller, CancellationToken stopping)
    {
        try
        {
            await listener.WaitAsync(_options.PollInterval, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            return false;
        }
    }
}
