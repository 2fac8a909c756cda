namespace TradeFlow.Fix.Settings;

/// <summary>Which side opens the TCP connection (QuickFIX's <c>ConnectionType</c>).</summary>
public enum ConnectionType
{
    /// <summary>Listens on SocketAcceptPort and waits for the counterparty's Logon.</summary>
    Acceptor,

    /// <summary>Connects to SocketConnectHost:SocketConnectPort and sends the Logon.</summary>
    Initiator,
}
