using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Fix.Settings;
using TradeFlow.Journal;
using TradeFlow.Fix.TradeCapture;
using TradeFlow.Fix.Transport;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Server.Http;
using TradeFlow.Server.Http.Streaming;

namespace TradeFlow.Server.Serve;

/// <summary>
/// The running server: the engine on its store, live projections, the FIX gateway and the HTTP API. Starts in
/// dependency order — the engine recovers its decision state from the store, the gateway rebuilds its booking
/// index, and only then are FIX sessions and HTTP requests accepted — and stops in reverse: stop accepting,
/// log FIX sessions out, drain the engine's ring and commit, stop the projections, close the stores.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    // A snapshot rewrites each projection's whole state (accounting's posting journal grows with every trade) and
    // fsyncs it, on the same disk as the journal's and the FIX store's fsyncs that acks wait for. Saved rarely: a
    // restart folds what came after the last snapshot from the store, about a second per 100,000 events.
    private static readonly ProjectionDaemonOptions ProjectionSnapshots = new()
    {
        SaveEvery = 250_000,
        SaveInterval = TimeSpan.FromMinutes(1),
    };

    private readonly ServeStores _stores;
    private readonly TradeEngine _engine;
    private readonly TradeCaptureApplication _capture;
    private readonly FixAcceptor _acceptor;
    private readonly WebApplication _web;
    private readonly CancellationTokenSource _stopProjections;
    private readonly Task _projections;
    private readonly ProjectionDaemon _daemon;
    private readonly BlotterFeed _blotter;
    private readonly bool _hashStateOnStop;

    private ServeHost(ServeStores stores, TradeEngine engine, TradeCaptureApplication capture, FixAcceptor acceptor,
        WebApplication web, (ProjectionDaemon Daemon, CancellationTokenSource Stop, Task Run) projections, BlotterFeed blotter,
        bool hashStateOnStop)
    {
        _stores = stores;
        _engine = engine;
        _capture = capture;
        _acceptor = acceptor;
        _web = web;
        (_daemon, _stopProjections, _projections) = projections;
        _blotter = blotter;
        _hashStateOnStop = hashStateOnStop;
    }

    /// <summary>The FIX acceptor, started.</summary>
    public FixAcceptor Acceptor => _acceptor;

    /// <summary>Where the HTTP API listens.</summary>
    public ICollection<string> HttpUrls => _web.Urls;

    /// <summary>
    /// Signalled when the web host begins to stop on its own: ASP.NET Core's console lifetime handles Ctrl-C and
    /// SIGTERM itself, so the command waits on this as well as on its own cancellation.
    /// </summary>
    public CancellationToken Stopping => _web.Lifetime.ApplicationStopping;

    /// <summary>How many FIX client ids the booking index recovered from the store.</summary>
    public int RecoveredBookings { get; private init; }

    /// <summary>How many trades the engine's decision state was sized for when it was built (<see cref="EngineOptions.ExpectedTrades"/>).</summary>
    public int ExpectedTrades { get; private init; }

    /// <summary>
    /// How many streams the embedded journal's stream table was reserved for before the engine started
    /// (<see cref="EventJournal.ReserveStreams"/>); 0 on PostgreSQL, which has no such table.
    /// </summary>
    public int ExpectedStreams { get; private init; }

    /// <summary>The embedded journal the engine appends to, or null on PostgreSQL (tests: what it was reserved for).</summary>
    internal EventJournal? EmbeddedJournal => _stores.Journal as EventJournal;

    /// <summary>
    /// The running engine: the demo drives through it the commands neither the FIX gateway nor the HTTP API carries
    /// (confirmation, partial termination), and reads its recovery report and commit count.
    /// </summary>
    public TradeEngine Engine => _engine;

    /// <summary>What opening the embedded journal found (a torn tail dropped, a damaged checkpoint ignored); null on PostgreSQL.</summary>
    public JournalRecoveryReport? JournalRecovery => (_stores.Journal as EventJournal)?.Recovery;

    /// <summary>The position of the last event in the store.</summary>
    public GlobalPosition JournalHead => _stores.Journal.HeadPosition;

    /// <summary>
    /// The engine's decision-state hash, computed once the engine stopped when <see cref="ServeSettings.HashStateOnStop"/>
    /// is set; null before the host is disposed or when not asked for.
    /// </summary>
    public string? StateHashAtStop { get; private set; }

    /// <summary>Completes once the live projections have folded every event up to <paramref name="position"/>.</summary>
    public Task WaitForProjectionsAsync(GlobalPosition position, CancellationToken cancellationToken) =>
        _daemon.WaitForCheckpointAsync(position, cancellationToken);

    /// <summary>Opens everything and starts accepting FIX sessions and HTTP requests.</summary>
    public static async Task<ServeHost> StartAsync(ServeSettings settings, ReferenceDataSet referenceData,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        var sessions = SessionSettingsLoader.Load(settings.FixConfigPath);
        var httpOptions = HttpApiOptions.FromConfiguration(configuration);
        var stores = await ServeStores.OpenAsync(settings, cancellationToken).ConfigureAwait(false);
        var blotter = new BlotterFeed();
        // The projections fold the events the publish stage hands over (no second read and deserialization of each
        // event from the journal); the daemon reads the store only to catch up at start or after a drop.
        var live = new LiveProjectionSubscriber(new LiveProjectionFeed());
        // Sized from the streams the journal recovered (a booking is a new stream; PostgreSQL reports none, so the floor).
        var journal = stores.Journal as EventJournal;
        var expectedTrades = ServeSizing.ExpectedTrades(journal?.Recovery.StreamCount ?? 0,
            settings.ExpectedTradesFloor, settings.ExpectedTradesCeiling);
        // The journal's stream table likewise, before the engine appends: one trade-{id} stream per booked trade.
        var expectedStreams = ServeSizing.ExpectedStreams(expectedTrades, journal is not null);
        journal?.ReserveStreams(expectedStreams);
        var engine = new TradeEngine(new EngineOptions(stores.Journal, referenceData, SystemClock.Instance)
        {
            Subscribers = [live, blotter],
            ExpectedTrades = expectedTrades,
        });
        engine.Start();
        var catalog = new ProjectionCatalog(referenceData, stores.Journal, stores.Projections);
        var daemon = ProjectionDaemon.For(catalog, stores.Events, ProjectionSnapshots, live: live.Feed);
        var stopProjections = new CancellationTokenSource();
        var projections = Task.Run(() => daemon.RunAsync(stopProjections.Token), CancellationToken.None);

        FixAcceptor? acceptor = null;
        var web = HttpApi.Build(httpOptions, new HttpApiServices(engine, stores.Events, catalog, referenceData, SystemClock.Instance)
        {
            WaitForProjections = daemon.WaitForCheckpointAsync,
            SessionsLoggedOn = () => acceptor?.Sessions.All.Count(s => s.IsLoggedOn) ?? 0,
            IsReady = () => acceptor is not null && !projections.IsCompleted,
            BlotterFeed = blotter,
        }, settings.Urls, builder => QuietLogging(builder, settings));
        var loggers = web.Services.GetRequiredService<ILoggerFactory>();
        var capture = new TradeCaptureApplication(engine,
            new SessionRegistryOutbox(() => acceptor!.Sessions),
            logger: loggers.CreateLogger<TradeCaptureApplication>());
        var recovered = await BookingIndexLoader.LoadAsync(stores.Events, capture.Bookings, cancellationToken).ConfigureAwait(false);
        acceptor = new FixAcceptor(sessions, capture, loggers);
        acceptor.Start();
        await web.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ServeHost(stores, engine, capture, acceptor, web, (daemon, stopProjections, projections), blotter, settings.HashStateOnStop)
        {
            RecoveredBookings = recovered,
            ExpectedTrades = expectedTrades,
            ExpectedStreams = expectedStreams,
        };
    }

    // One line per entry; the per-request chatter of ASP.NET Core only when something goes wrong.
    private static void QuietLogging(WebApplicationBuilder builder, ServeSettings settings)
    {
        builder.Logging.ClearProviders();
        if (settings.LogToStandardError)
        {
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", settings.MinimumLogLevel > LogLevel.Information ? settings.MinimumLogLevel : LogLevel.Information);
    }

    /// <summary>Stops accepting, logs every FIX session out, drains the engine, stops the projections, closes the stores.</summary>
    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync().ConfigureAwait(false);
        await _acceptor.StopAsync().ConfigureAwait(false);
        await _acceptor.DisposeAsync().ConfigureAwait(false);
        _engine.Stop(TimeSpan.FromSeconds(30));
        _blotter.Dispose();
        if (_hashStateOnStop)
        {
            // Read once the pipeline has stopped: nothing changes the state any more.
            StateHashAtStop = _engine.ComputeStateHash();
        }

        _capture.Dispose();
        await _stopProjections.CancelAsync().ConfigureAwait(false);
        try
        {
            await _projections.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopProjections.Dispose();
        await _web.DisposeAsync().ConfigureAwait(false);
        _engine.Dispose();
        await _stores.DisposeAsync().ConfigureAwait(false);
    }
}
