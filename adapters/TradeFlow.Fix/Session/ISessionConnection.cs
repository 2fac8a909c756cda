namespace TradeFlow.Fix.Session;

/// <summary>The transport a session writes to: one TCP (or TLS) connection.</summary>
internal interface ISessionConnection
{
    /// <summary>Where the connection comes from, for the log.</summary>
    string RemoteAddress { get; }

    /// <summary>Writes <paramref name="data"/> completely (blocking); throws <see cref="IOException"/> when the connection is gone.</summary>
    void Send(ReadOnlySpan<byte> data);

    /// <summary>Closes the connection; the read loop ends and reports it. Idempotent.</summary>
    void Disconnect();
}
