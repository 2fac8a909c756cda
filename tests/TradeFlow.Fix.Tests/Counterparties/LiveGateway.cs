using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Engine;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.TradeCapture;
using TradeFlow.Fix.Transport;
using TradeFlow.Journal;
using TradeFlow.Testing;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Fix.Tests.Counterparties;

/// <summary>
/// TradeFlow's FIX gateway as `tradeflow serve` composes it — a durable embedded journal, the engine, the
/// trade-capture application and the acceptor on a free loopback port — in a directory of its own, so that it
/// can be stopped and started again over the same journal and FIX message store.
/// </summary>
internal sealed class LiveGateway : IAsyncDisposable
{
    private readonly EventJournal _journal;
    private readonly TradeEngine _engine;
    private readonly TradeCaptureApplication _application;

    private LiveGateway(EventJournal journal, TradeEngine engine, TradeCaptureApplication application, FixAcceptor acceptor)
    {
        _journal = journal;
        _engine = engine;
        _application = application;
        Acceptor = acceptor;
    }

    public FixAcceptor Acceptor { get; }

    public int Port => Acceptor.Endpoints[0].Port;

    public EventJournal Journal => _journal;

    /// <summary>Starts over <paramref name="directory"/>; <paramref name="port"/> 0 takes a free one.</summary>
    public static async Task<LiveGateway> Start(string directory, int port = 0, string extraSettings = "")
    {
        var settings = SessionSettingsLoader.Parse(string.Create(CultureInfo.InvariantCulture, $"""
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptHost=127.0.0.1
            SocketAcceptPort={port}
            BeginString=FIX.4.4
            SenderCompID=TRADEFLOW
            FileStorePath={Path.Combine(directory, "fix-store")}
            DataDictionary={Path.Combine(RepositoryPaths.Root, "fix", "FIX44-TradeFlow.xml")}
            StartTime=00:00:00
            EndTime=00:00:00
            {extraSettings}
            [SESSION]
            TargetCompID=CLIENT1
            [SESSION]
            TargetCompID=CLIENT2
            """), "gateway.cfg");
        var journal = EventJournal.Open(new JournalOptions(Path.Combine(directory, "data")));
        var engine = new TradeEngine(new EngineOptions(journal, new ReferenceDataBuilder().Build(), new FakeClock()));
        engine.Start();
        FixAcceptor? acceptor = null;
        var application = new TradeCaptureApplication(engine,
            new SessionRegistryOutbox(() => acceptor!.Sessions));
        await BookingIndexLoader.LoadAsync(journal, application.Bookings);
        acceptor = new FixAcceptor(settings, application, NullLoggerFactory.Instance);
        acceptor.Start();
        return new LiveGateway(journal, engine, application, acceptor);
    }

    public async ValueTask DisposeAsync()
    {
        await Acceptor.StopAsync();
        await Acceptor.DisposeAsync();
        _engine.Stop(TimeSpan.FromSeconds(30));
        _application.Dispose();
        _engine.Dispose();
        _journal.Dispose();
    }
}
