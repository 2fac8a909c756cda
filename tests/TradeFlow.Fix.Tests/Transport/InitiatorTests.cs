using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Tests.Session;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Fix.Tests.Transport;

public sealed class InitiatorTests
{
    [Fact]
    public async Task Our_initiator_logs_on_to_our_acceptor_exchanges_a_message_and_logs_out()
    {
        var time = new FakeTimeProvider();
        await using var acceptor = AcceptorHarness.Start(time: time);
        var port = acceptor.Acceptor.Endpoints[0].Port;
        var settings = SessionSettingsLoader.Parse($"""
            [SESSION]
            ConnectionType=initiator
            BeginString=FIX.4.4
            SenderCompID=CLIENT
            TargetCompID=TRADEFLOW
            SocketConnectHost=127.0.0.1
            SocketConnectPort={port}
            HeartBtInt=30
            NonStopSession=Y
            UseDataDictionary=N
            """, "initiator.cfg");
        var application = new RecordingApplication();
        await using var initiator = new FixInitiator(settings, application, NullLoggerFactory.Instance, time);

        initiator.Start();
        await application.LoggedOn.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await acceptor.Application.LoggedOn.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var order = new FixFieldWriter();
        order.Add(11, "CL-77");
        initiator.Sessions.SendToTarget(new SessionId("FIX.4.4", "CLIENT", "TRADEFLOW"), MsgTypes.NewOrderSingle, order);
        await initiator.StopAsync();

        await acceptor.Application.LoggedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("CL-77", Assert.Single(acceptor.Application.Received).GetString(11));
        await application.LoggedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
