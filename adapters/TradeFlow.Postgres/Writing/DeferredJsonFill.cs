using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;
using TradeFlow.Postgres.Reading;

namespace TradeFlow.Postgres.Writing;

/// <summary>
/// The fill worker of <see cref="JsonColumn.Deferred"/>: writes the jsonb copy of committed JSON payloads into
/// <c>event_data</c> behind the appends, by repeated calls of the schema's <c>fill_event_data</c> function (one
/// set-based INSERT … SELECT and the checkpoint, in one transaction). It runs on connections of its own and takes no
/// lock an append takes, so appends never wait for it; it is woken by the commits' NOTIFY (polling as the fallback),
/// fills in statements of at least <see cref="PostgresEventStoreOptions.DeferredFillMinimum"/> positions (or what has
/// waited a poll interval), and resumes from the checkpoint in the database after a restart or a lost connection.
/// </summary>
internal sealed class DeferredJsonFill : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly EventSql _sql;
    private readonly PostgresEventStoreOptions _options;
    private readonly CancellationTokenSource _stop;
    private readonly Task _run;
    private long _filledTo = -1;

    private DeferredJsonFill(EventSql sql, PostgresEventStoreOptions options, CancellationToken stopping)
    {
        _source = NpgsqlDataSource.Create(FillConnectionString(options.ConnectionString));
        _sql = sql;
        _options = options;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _run = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>The checkpoint the worker last saw (−1 before its first step), for diagnostics.</summary>
    public long FilledTo => Volatile.Read(ref _filledTo);

    /// <summary>The last error of a fill step (null after a step that succeeded), for diagnostics.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>What the worker's connections add to the application name, so that a DBA can tell them from the appends' in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationNameSuffix = " json fill";

    /// <summary>Starts the worker in the background, on a pool of its own.</summary>
    public static DeferredJsonFill Start(EventSql sql, PostgresEventStoreOptions options, CancellationToken stopping) =>
        new(sql, options, stopping);

    // A pool of its own, so the worker never holds a connection an append is waiting for (Max Pool Size), and its
    // backends are named apart (measuring their CPU apart is how docs/benchmarks.md splits the append from the fill).
    private static string FillConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName = (builder.ApplicationName ?? "tradeflow") + ApplicationNameSuffix;
        return builder.ConnectionString;
    }

    /// <summary>
    /// One fill step of at most <paramref name="maxRows"/> positions, skipped while fewer than <paramref name="minRows"/>
    /// are unfilled; returns the checkpoint after it and the head it read (equal when the fill has caught up).
    /// </summary>
    public static async Task<(long FilledTo, long Head)> StepAsync(NpgsqlDataSource source, EventSql sql, int maxRows, int minRows, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql.FillData, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxRows });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = minRows });
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return (reader.GetInt64(0), reader.GetInt64(1));
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _stop.Dispose();
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    // Woken by every commit, the worker fills only once DeferredFillMinimum positions wait, so that its statements
    // are large (cheaper per row for the server) — or once PollInterval has passed since it last left nothing
    // waiting, so that a slow trickle of commits, or the last commits before a quiet spell, wait at most about that.
    private async Task RunAsync(CancellationToken stop)
    {
        var listener = CommitListener.Start(_source, _options.Channel, _options.PollInterval, stop);
        await using (listener.ConfigureAwait(false))
        {
            var lastFill = Stopwatch.GetTimestamp();
            var minRows = 1; // the backlog left by a previous run is filled at once
            while (!stop.IsCancellationRequested)
            {
                var step = await TryStepAsync(minRows, stop).ConfigureAwait(false);
                if (step is { } done && (done.Advanced || !done.Behind))
                {
                    lastFill = Stopwatch.GetTimestamp();
                }

                if (step is { Advanced: true, Behind: true })
                {
                    continue; // a full batch, and more waiting: fill the next range at once
                }

                try
                {
                    minRows = step is null
                        ? await RetryAfterErrorAsync(stop).ConfigureAwait(false)
                        : await WaitForWorkAsync(listener, lastFill, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Waits until there is enough to fill and returns the minimum to ask the step for: 1 once a poll interval has
    // passed since the last fill, else DeferredFillMinimum. Commits whose notified head leaves the backlog below that
    // minimum do not even cost a query.
    private async Task<int> WaitForWorkAsync(CommitListener listener, long lastFill, CancellationToken stop)
    {
        while (true)
        {
            var remaining = _options.PollInterval - Stopwatch.GetElapsedTime(lastFill);
            if (remaining <= TimeSpan.Zero || !await listener.WaitAsync(remaining, stop).ConfigureAwait(false))
            {
                return 1;
            }

            var filledTo = Volatile.Read(ref _filledTo);
            if (filledTo < 0 || listener.NotifiedHead < 0 || listener.NotifiedHead - filledTo >= _options.DeferredFillMinimum)
            {
                return _options.DeferredFillMinimum;
            }
        }
    }

    // The database or the connection failed: try again after a poll interval (the checkpoint did not move).
    private async Task<int> RetryAfterErrorAsync(CancellationToken stop)
    {
        await Task.Delay(_options.PollInterval, stop).ConfigureAwait(false);
        return 1;
    }

    // Whether the step filled anything and whether positions are still unfilled after it; null after an error
    // (retried on the next wake-up: the checkpoint did not move, so nothing is skipped or written twice).
    private async Task<(bool Advanced, bool Behind)?> TryStepAsync(int minRows, CancellationToken stop)
    {
        try
        {
            var before = Volatile.Read(ref _filledTo);
            var (filledTo, head) = await StepAsync(_source, _sql, _options.DeferredFillBatch, minRows, stop).ConfigureAwait(false);
            Volatile.Write(ref _filledTo, filledTo);
            LastError = null;
            return (filledTo != before, filledTo < head);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception error) when (error is NpgsqlException or SocketException or IOException or ObjectDisposedException)
        {
            LastError = error;
            return null;
        }
    }
}
