using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace TradeFlow.Postgres.Reading;

/// <summary>
/// LISTENs on the store's channel on a connection of its own and turns each NOTIFY into a wake-up for one
/// subscription. A lost connection is re-opened after the poll interval; until then the subscription simply
/// polls, so a notification can make delivery faster but its absence never makes it wrong.
/// </summary>
internal sealed class CommitListener : IAsyncDisposable
{
    // At most one pending wake-up: a commit that lands while the reader is busy leaves it set, so the reader's
    // next wait returns at once and it reads again; several commits fold into one read, as they should.
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop;
    private readonly Task _pump;

    private CommitListener(NpgsqlDataSource source, string channel, TimeSpan retryInterval, CancellationToken stopping)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _pump = Task.Run(() => PumpAsync(source, channel, retryInterval, _stop.Token), CancellationToken.None);
    }

    /// <summary>The last error of the LISTEN connection (null while it is healthy), for diagnostics.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts listening in the background.</summary>
    public static CommitListener Start(NpgsqlDataSource source, string channel, TimeSpan retryInterval, CancellationToken stopping) =>
        new(source, channel, retryInterval, stopping);

    /// <summary>Waits for a commit notification or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _stop.Dispose();
        _signal.Dispose();
    }

    /// <summary>The highest head a notification carried (−1 before the first), a hint: the head row is the truth.</summary>
    public long NotifiedHead => Volatile.Read(ref _notifiedHead);

    private long _notifiedHead = -1;

    // The payload is the committed head (EventSql.AdvanceHead); a payload that is not a number only wakes the reader.
    private void Notified(string payload)
    {
        if (long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var head))
        {
            var seen = Volatile.Read(ref _notifiedHead);
            while (head > seen)
            {
                var previous = Interlocked.CompareExchange(ref _notifiedHead, head, seen);
                if (previous == seen)
                {
                    break;
                }

                seen = previous;
            }
        }

        Signal();
    }

    private void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another notification raced this one to set the wake-up: it is set, which is all that matters.
        }
    }

    private async Task PumpAsync(NpgsqlDataSource source, string channel, TimeSpan retryInterval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(source, channel, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is NpgsqlException or SocketException or IOException or ObjectDisposedException)
            {
                // Kept for diagnostics; the subscription keeps polling meanwhile, so nothing is lost.
                LastError = error;
            }

            try
            {
                await Task.Delay(retryInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(NpgsqlDataSource source, string channel, CancellationToken stop)
    {
        var connection = await source.OpenConnectionAsync(stop).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, e) => Notified(e.Payload);
            var command = new NpgsqlCommand("LISTEN " + channel, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
            }

            // Commits made before LISTEN took effect were not notified: wake the reader once to look.
            LastError = null;
            Signal();
            while (true)
            {
                await connection.WaitAsync(stop).ConfigureAwait(false);
            }
        }
    }
}
