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
    /// Writes as much of <paramref name="data"/> as the connection accepts now, never blocking: how many bytes that
    /// was (0 when it accepts none or another write is under way), or the error that failed the connection. Never throws.
    /// </summary>
    SendOutcome TrySendNow(ReadOnlySpan<byte> data) => SendOutcome.Accepted(0);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> until <see cref="TrySendNow"/> can accept bytes again (or the connection
    /// failed, which the next write reports); false when the time ran out. Only this session's drain waits here.
    /// </summary>
    bool WaitWritable(TimeSpan timeout) => true;

    /// <summary>Closes the connection; the read loop ends and reports it. Idempotent.</summary>
    void Disconnect();
}
