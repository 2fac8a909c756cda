using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Tests.Session;
using TradeFlow.Fix.TradeCapture;
using TradeFlow.Fix.Transport;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>An acceptor (session TRADEFLOW&lt;-&gt;CLIENT1, file store) with the trade-capture application over an engine on the given journal.</summary>
internal sealed class CaptureGateway : IAsyncDisposable
{
    private readonly TradeEngine _engine;
    private readonly TradeCaptureApplication _application;
    private readonly FixAcceptor _acceptor;
    private readonly FakeTimeProvider _time;
    private readonly SignallingOutbox _outbox;

    private CaptureGateway(TradeEngine engine, TradeCaptureApplication application, FixAcceptor acceptor, FakeTimeProvider time,
        SignallingOutbox outbox)
    {
        _outbox = outbox;
        _engine = engine;
        _application = application;
        _acceptor = acceptor;
        _time = time;
    }

    /// <summary>
    /// Starts on <paramref name="journal"/>; with <paramref name="recoverFrom"/> the booking index (and the journaled
    /// keys that settle stored answers) is rebuilt from it first, as <c>tradeflow serve</c> does.
    /// </summary>
    public static CaptureGateway Start(string storeDirectory, IEventJournal journal, FakeTimeProvider time, IEventStore? recoverFrom = null,
        params string[] clients) => Start(storeDirectory, journal, time, recoverFrom, "", null, clients);

    /// <summary>
    /// Starts like <see cref="Start(string, IEventJournal, FakeTimeProvider, IEventStore?, string[])"/>, with
    /// <paramref name="defaults"/> added to the settings' [DEFAULT] section and <paramref name="probe"/> seeing every socket write.
    /// </summary>
    public static CaptureGateway Start(string storeDirectory, IEventJournal journal, FakeTimeProvider time, IEventStore? recoverFrom,
        string defaults, SocketWriteProbe? probe, params string[] clients)
    {
        var sessions = string.Concat((clients.Length == 0 ? ["CLIENT1"] : clients).Select(c => $"[SESSION]\nTargetCompID={c}\n"));
        var engine = new TradeEngine(new EngineOptions(journal, new ReferenceDataBuilder().Build(), new FakeClock()));
        engine.Start();
        FixAcceptor? acceptor = null;
        var outbox = new SignallingOutbox(new SessionRegistryOutbox(() => acceptor!.Sessions));
        var application = new TradeCaptureApplication(engine, outbox);
        if (recoverFrom is not null)
        {
            BookingIndexLoader.LoadAsync(recoverFrom, application.Bookings).GetAwaiter().GetResult();
        }

        var settings = SessionSettingsLoader.Parse($"""
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptPort=0
            SenderCompID=TRADEFLOW
            BeginString=FIX.4.4
            UseDataDictionary=N
            NonStopSession=Y
            FileStorePath={storeDirectory}
            {defaults}
            {sessions}
            """, "capture.cfg");
        acceptor = new FixAcceptor(settings, application, NullLoggerFactory.Instance, time) { WriteProbe = probe };
        acceptor.Start();
        return new CaptureGateway(engine, application, acceptor, time, outbox);
    }

    /// <summary>The session with <paramref name="client"/>.</summary>
    public FixSession SessionWith(string client) => _acceptor.Sessions[new SessionId("FIX.4.4", "TRADEFLOW", client)];

    /// <summary>The session with CLIENT1.</summary>
    public FixSession Session => _acceptor.Sessions[CaptureMessages.Client];

    /// <summary>Completes once answers queued behind a gate (stored while the engine commits) have been flushed into the FIX store.</summary>
    public Task WaitForStoredAnswersAsync() => _outbox.StoredAnswers.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Task<ScriptedCounterparty> ConnectAsync(string sender = "CLIENT1") => ScriptedCounterparty.ConnectAsync(_acceptor.Endpoints[0], _time, sender: sender);

    /// <summary>Where the acceptor listens.</summary>
    public System.Net.IPEndPoint Endpoint => _acceptor.Endpoints[0];

    /// <summary>The outbox, which tells when gates are opened (answers released where the engine reports them durable).</summary>
    public SignallingOutbox Outbox => _outbox;

    /// <summary>Which trade each client id booked, as the application recorded it on the engine's publish thread.</summary>
    public BookingIndex Bookings => _application.Bookings;

    /// <summary>Stops like a process that died: the FIX side closes, the engine stops whatever state it is in.</summary>
    public async ValueTask DisposeAsync()
    {
        await _acceptor.DisposeAsync();
        try
        {
            _engine.Stop(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // A crashed journal halted the pipeline: that is the scenario, not a test failure.
        }

        _application.Dispose();
        _engine.Dispose();
    }
}
