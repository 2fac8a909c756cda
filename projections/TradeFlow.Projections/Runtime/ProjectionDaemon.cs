using TradeFlow.EventSourcing;
using TradeFlow.Projections.Queries;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Runs projections asynchronously from an event store into their projection store: loads each runner's
/// snapshot (a snapshot of another version is discarded, so a version bump rebuilds from zero), follows the
/// store's catch-up subscription from the lowest checkpoint, folds each envelope into every runner, and saves
/// state and checkpoint every <see cref="ProjectionDaemonOptions.SaveEvery"/> envelopes, after
/// <see cref="ProjectionDaemonOptions.SaveInterval"/> and when stopped. Store-agnostic: the embedded journal
/// or PostgreSQL as the source, any <see cref="Storage.IProjectionStore"/> as the target (given to the runners).
/// Given a <see cref="LiveProjectionFeed"/>, it folds the events the engine's publish stage hands it instead of
/// reading them back, and reads the store only to catch up at start and to fill what the feed dropped.
/// </summary>
public sealed partial class ProjectionDaemon
{
    private readonly IEventStore _events;
    private readonly IProjectionRunner[] _runners;
    private readonly ProjectionDaemonOptions _options;
    private readonly TimeProvider _time;
    private readonly CheckpointWaiters _checkpoint = new();
    private readonly TaskCompletionSource _following = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, ProjectionStart> _starts = new(StringComparer.Ordinal);
    private readonly LiveProjectionFeed? _live;
    private Task _tick = Task.CompletedTask;
    private long _eventsRead;
    private long _saves;
    private int _sinceSave;
    private int _running;

    /// <summary>Creates a daemon over <paramref name="runners"/> (each with its projection store), fed from <paramref name="events"/>.</summary>
    /// <param name="events">The event store to subscribe to.</param>
    /// <param name="runners">The runners, at least one, with distinct names.</param>
    /// <param name="options">When to save; <see cref="ProjectionDaemonOptions.Default"/> when null.</param>
    /// <param name="time">The clock of the save interval; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="live">
    /// The engine's published events; null to follow the store's subscription instead. The daemon must be the feed's
    /// only consumer.
    /// </param>
    public ProjectionDaemon(IEventStore events, IEnumerable<IProjectionRunner> runners, ProjectionDaemonOptions? options = null,
        TimeProvider? time = null, LiveProjectionFeed? live = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(runners);
        _events = events;
        _runners = [.. runners];
        _options = options ?? ProjectionDaemonOptions.Default;
        _options.Validate();
        _time = time ?? TimeProvider.System;
        _live = live;
        if (_runners.Length == 0 || _runners.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() != _runners.Length)
        {
            throw new ArgumentException("A daemon needs at least one runner and each projection name once.", nameof(runners));
        }
    }

    /// <summary>A daemon over every runner of <paramref name="catalog"/> (which was created with its projection store).</summary>
    public static ProjectionDaemon For(ProjectionCatalog catalog, IEventStore events, ProjectionDaemonOptions? options = null,
        TimeProvider? time = null, LiveProjectionFeed? live = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ProjectionDaemon(events, catalog.Runners, options, time, live);
    }

    /// <summary>The position every runner has folded up to (published after each envelope).</summary>
    public GlobalPosition Checkpoint => _checkpoint.Checkpoint;

    /// <summary>How many envelopes this daemon has read from the store (a resumed daemon reads only the tail).</summary>
    public long EventsRead => Interlocked.Read(ref _eventsRead);

    /// <summary>How many times this daemon saved its runners.</summary>
    public long Saves => Interlocked.Read(ref _saves);

    /// <summary>How each projection started (resumed, fresh, or rebuilt after a version change); filled once running.</summary>
    public IReadOnlyDictionary<string, ProjectionStart> Starts
    {
        get
        {
            lock (_starts)
            {
                return new Dictionary<string, ProjectionStart>(_starts, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// Completes once the runners are loaded and, for a live daemon, the store has been read up to where the feed takes
    /// over: from then on a published event reaches the projections through the feed. Faults if the daemon fails first.
    /// </summary>
    public Task Following => _following.Task;

    /// <summary>
    /// Completes when every runner has folded up to <paramref name="position"/>; faults if the daemon stops first.
    /// What tests and readiness checks await instead of sleeping.
    /// </summary>
    public Task WaitForCheckpointAsync(GlobalPosition position, CancellationToken cancellationToken = default) =>
        _checkpoint.WaitAsync(position, cancellationToken);

    /// <summary>
    /// Starts the runners and follows the subscription until <paramref name="cancellationToken"/> is cancelled,
    /// then saves and returns normally. A lost save race ends it with <see cref="ProjectionConflictException"/>
    /// (another daemon owns the projection); any other failure also ends it, without a final save.
    /// </summary>
    /// <exception cref="InvalidOperationException">The daemon is already running or has run.</exception>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("A projection daemon runs once; create a new one to run again.");
        }

        try
        {
            var from = await StartRunnersAsync(cancellationToken).ConfigureAwait(false);
            _checkpoint.Publish(from);
            if (_live is null)
            {
                _following.TrySetResult();
            }

            await (_live is null ? FollowAsync(from, cancellationToken) : FollowLiveAsync(_live, cancellationToken)).ConfigureAwait(false);
            _checkpoint.Stop(new OperationCanceledException($"The projection daemon stopped at {Checkpoint}.", cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is how a daemon is stopped: what was folded is saved, and the caller sees a clean return.
            _checkpoint.Stop(new OperationCanceledException($"The projection daemon stopped at {Checkpoint}.", cancellationToken));
            _following.TrySetCanceled(cancellationToken);
            await SaveIfFoldedAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _checkpoint.Stop(error);
            _following.TrySetException(error);
            throw;
        }
    }

    private async Task<GlobalPosition> StartRunnersAsync(CancellationToken cancellationToken)
    {
        var from = GlobalPosition.End;
        foreach (var runner in _runners)
        {
            var start = await runner.StartAsync(cancellationToken).ConfigureAwait(false);
            lock (_starts)
            {
                _starts[runner.Name] = start;
            }

            from = runner.Checkpoint < from ? runner.Checkpoint : from;
        }

        return from;
    }
}
