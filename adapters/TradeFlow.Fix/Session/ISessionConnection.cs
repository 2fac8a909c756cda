namespace TradeFlow.Fix.Session;

/// <summary>The transport a session writes to: one TCP (or TLS) connection.</summary>
internal interface ISessionConnection
{
    /// <summary>Where the connection comes from, for the log.</summary>
    string RemoteAddress { get; }

    /// <summary>Writes <paramref name="data"/> completely (blocking); throws <see cref="IOException"/> when the connection is gone.</summary>
    void Send(ReadOnlySpan<byte> data);

    /// <summary>Whether <see cref="TrySendNow"/> can write at all (plain TCP on Linux; not TLS, whose records cannot be cut).</summary>
    bool CanSendWithoutBlocking => false;

    /// <summary>
    /// Writes as much of <paramref name="data"/> as the connection accepts now, never blocking, and returns how many
    /// bytes that was: 0 when it accepts none, when another write is under way, or on an error (the next
    /// <see cref="Send"/> reports it). Never throws.
    /// </summary>
    int TrySendNow(ReadOnlySpan<byte> data) => 0;

    /// <summary>Closes the connection; the read loop ends and reports it. Idempotent.</summary>
    void Disconnect();
}
