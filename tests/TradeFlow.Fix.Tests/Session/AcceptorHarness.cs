using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>A live acceptor on a free loopback port with one session TRADEFLOW&lt;-&gt;CLIENT, a fake clock and a recording application.</summary>
internal sealed class AcceptorHarness : IAsyncDisposable
{
    public static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");

    private AcceptorHarness(FixAcceptor acceptor, FakeTimeProvider time, RecordingApplication application)
    {
        Acceptor = acceptor;
        Time = time;
        Application = application;
    }

    public FixAcceptor Acceptor { get; }

    public FakeTimeProvider Time { get; }

    public RecordingApplication Application { get; }

    public FixSession Session => Acceptor.Sessions[Id];

    /// <summary>Starts an acceptor; <paramref name="extraSettings"/> are added to the [SESSION] (Key=Value lines).</summary>
    public static AcceptorHarness Start(string extraSettings = "", FakeTimeProvider? time = null, RecordingApplication? application = null)
    {
        time ??= new FakeTimeProvider();
        application ??= new RecordingApplication();
        var text = $"""
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptPort=0
            SenderCompID=TRADEFLOW
            BeginString=FIX.4.4
            UseDataDictionary=N
            [SESSION]
            TargetCompID=CLIENT
            {(extraSettings.Contains("StartTime", StringComparison.Ordinal) ? "" : "NonStopSession=Y")}
            {extraSettings}
            """;
        var acceptor = new FixAcceptor(SessionSettingsLoader.Parse(text, "test.cfg"), application, NullLoggerFactory.Instance, time);
        acceptor.Start();
        return new AcceptorHarness(acceptor, time, application);
    }

    public Task<ScriptedCounterparty> ConnectAsync(string sender = "CLIENT", X509Certificate2? trustedServerCertificate = null) =>
        ScriptedCounterparty.ConnectAsync(Acceptor.Endpoints[0], Time, sender, trustedServerCertificate: trustedServerCertificate);

    /// <summary>Connects, logs on and waits until the acceptor reports the session logged on.</summary>
    public async Task<ScriptedCounterparty> LogonAsync(int heartBtInt = 30)
    {
        var counterparty = await ConnectAsync();
        await counterparty.SendLogonAsync(heartBtInt);
        await counterparty.ExpectAsync(MsgTypes.Logon);
        await Application.LoggedOn.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return counterparty;
    }

    public async ValueTask DisposeAsync() => await Acceptor.DisposeAsync();
}
