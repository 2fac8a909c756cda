using System.Runtime.InteropServices;

namespace TradeFlow.Fix.Session;

/// <summary>
/// What a write that never blocks did: how many bytes the connection accepted (0 when its send buffer is full), or
/// the <c>errno</c> of the error that failed it (the connection is gone).
/// </summary>
/// <param name="Bytes">Bytes accepted; 0 when failed.</param>
/// <param name="Errno">The error number when the write failed, else 0.</param>
internal readonly record struct SendOutcome(int Bytes, int Errno)
{
    /// <summary>True when the connection failed: the session must disconnect, it cannot write the rest.</summary>
    public bool IsFailure => Errno != 0;

    /// <summary>
    /// True when the connection was closed on this side (<see cref="ISessionConnection.Disconnect"/>): not the
    /// counterparty's failure, and whoever closed it reports why.
    /// </summary>
    public bool IsClosedHere => Errno == Transport.NonBlockingSend.EBadF;

    /// <summary>The connection accepted <paramref name="bytes"/> bytes.</summary>
    public static SendOutcome Accepted(int bytes) => new(bytes, 0);

    /// <summary>The write failed with <paramref name="errno"/>.</summary>
    public static SendOutcome Failed(int errno) => new(0, errno);

    /// <summary>The failure for the log: the error number and, where the platform knows it, its name.</summary>
    public string Describe() => $"errno {Errno} ({Marshal.GetPInvokeErrorMessage(Errno)})";
}
