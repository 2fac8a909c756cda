using Microsoft.Extensions.Logging;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.TradeCapture;
using TradeFlow.Fix.Transport;
using TradeFlow.Journal;

namespace TradeFlow.Server.Serve;

/// <summary>
/// The running engine behind its FIX gateway: opens the journal, starts the engine (which recovers its decision
/// state from the store), rebuilds the gateway's booking index, and only then accepts FIX sessions — so a
/// client never reaches an engine that has not yet caught up. Stops in the reverse order: sessions are logged
/// out first, then the engine drains and the journal closes.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly EventJournal _journal;
    private readonly TradeEngine _engine;
    private readonly TradeCaptureApplication _application;
    private readonly FixAcceptor _acceptor;

    private ServeHost(EventJournal journal, TradeEngine engine, TradeCaptureApplication application, FixAcceptor acceptor)
    {
        _journal = journal;
        _engine = engine;
        _application = application;
        _acceptor = acceptor;
    }

    /// <summary>The FIX acceptor, started.</summary>
    public FixAcceptor Acceptor => _acceptor;

    /// <summary>How many client ids the booking index recovered from the store.</summary>
    public int RecoveredBookings { get; private init; }

    /// <summary>Opens everything and starts accepting sessions.</summary>
    public static async Task<ServeHost> StartAsync(ServeSettings settings, ReferenceDataSet referenceData,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var sessions = SessionSettingsLoader.Load(settings.FixConfigPath);
        var journal = EventJournal.Open(new JournalOptions(settings.DataDirectory));
        var engine = new TradeEngine(new EngineOptions(journal, referenceData, SystemClock.Instance));
        engine.Start();
        FixAcceptor? acceptor = null;
        var application = new TradeCaptureApplication(engine,
            (session, msgType, body) => acceptor!.Sessions.SendToTarget(session, msgType, body),
            logger: loggerFactory.CreateLogger<TradeCaptureApplication>());
        var recovered = await BookingIndexLoader.LoadAsync(journal, application.Bookings, cancellationToken).ConfigureAwait(false);
        acceptor = new FixAcceptor(sessions, application, loggerFactory);
        acceptor.Start();
        return new ServeHost(journal, engine, application, acceptor) { RecoveredBookings = recovered };
    }

    /// <summary>Logs every session out, then stops the engine and closes the journal.</summary>
    public async ValueTask DisposeAsync()
    {
        await _acceptor.StopAsync().ConfigureAwait(false);
        await _acceptor.DisposeAsync().ConfigureAwait(false);
        _engine.Stop(TimeSpan.FromSeconds(30));
        _application.Dispose();
        _engine.Dispose();
        _journal.Dispose();
    }
}
