using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Tests.Session;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// A live acceptor on a free loopback port with two sessions: FUZZER (the one fed garbage) and BYSTANDER (which must
/// not notice). Both use the shipped data dictionary and the in-memory store — 100,000 rejects must not mean
/// 100,000 fsyncs — and a fake clock that never moves, so every SendingTime is exactly the acceptor's time and no
/// timer fires to add heartbeats the test did not ask for.
/// </summary>
internal sealed class FuzzGateway : IAsyncDisposable
{
    public static readonly SessionId Fuzzed = new("FIX.4.4", "TRADEFLOW", "FUZZER");

    public static readonly SessionId Bystander = new("FIX.4.4", "TRADEFLOW", "BYSTANDER");

    private FuzzGateway(FixAcceptor acceptor, FakeTimeProvider time, FuzzApplication application)
    {
        Acceptor = acceptor;
        Time = time;
        Application = application;
    }

    public FixAcceptor Acceptor { get; }

    public FakeTimeProvider Time { get; }

    public FuzzApplication Application { get; }

    public static FuzzGateway Start()
    {
        const string Config = """
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptPort=0
            SenderCompID=TRADEFLOW
            BeginString=FIX.4.4
            NonStopSession=Y
            UseDataDictionary=Y
            [SESSION]
            TargetCompID=FUZZER
            [SESSION]
            TargetCompID=BYSTANDER
            """;
        var time = new FakeTimeProvider();
        var application = new FuzzApplication();
        var acceptor = new FixAcceptor(SessionSettingsLoader.Parse(Config, "fuzz.cfg"), application, NullLoggerFactory.Instance, time);
        acceptor.Start();
        return new FuzzGateway(acceptor, time, application);
    }

    /// <summary>Connects as <paramref name="sender"/>, logs on with ResetSeqNumFlag=Y and checks the answer echoes it.</summary>
    public async Task<ScriptedCounterparty> LogonAsync(string sender)
    {
        var counterparty = await ScriptedCounterparty.ConnectAsync(Acceptor.Endpoints[0], Time, sender);
        await counterparty.SendLogonAsync(reset: true);
        var logon = await counterparty.ExpectAsync(MsgTypes.Logon);
        Assert.True(logon.TryGetBool(Tags.ResetSeqNumFlag, out var reset) && reset, $"Logon answer without 141=Y: {logon}");
        return counterparty;
    }

    /// <summary>Sends a TestRequest with <paramref name="id"/> and awaits the Heartbeat echoing it, nothing else before it.</summary>
    public static async Task ProbeAsync(ScriptedCounterparty counterparty, string id)
    {
        await counterparty.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, id));
        var heartbeat = await counterparty.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal(id, heartbeat.GetString(Tags.TestReqID));
    }

    public async ValueTask DisposeAsync() => await Acceptor.DisposeAsync();
}
