using System.Net.Sockets;
using System.Runtime.InteropServices;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// A send that never blocks: <c>send(2)</c> with <c>MSG_DONTWAIT</c> on a connected TCP socket (Linux), which copies
/// into the socket's send buffer what fits now and returns. .NET offers no per-call non-blocking send on a blocking
/// socket (its <see cref="SocketFlags"/> has no <c>MSG_DONTWAIT</c>), and switching the socket to non-blocking mode
/// would break the connection reader's blocking reads on the same socket.
/// </summary>
internal static class NonBlockingSend
{
    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;
    private const int EIntr = 4;
    private const int EAgain = 11;
    /// <summary>EBADF: the socket is closed.</summary>
    public const int EBadF = 9;

    /// <summary>Whether <see cref="TrySend"/> can write anything here (Linux; elsewhere it writes nothing).</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux();

    /// <summary>
    /// Writes as much of <paramref name="data"/> as the socket accepts without waiting. Accepts 0 bytes when the send
    /// buffer is full and where not <see cref="Supported"/>; fails with the <c>errno</c> of any other error (a reset
    /// connection: <c>ECONNRESET</c>, <c>EPIPE</c>) and with <c>EBADF</c> once the socket is closed. Never throws.
    /// </summary>
    public static SendOutcome TrySend(Socket socket, ReadOnlySpan<byte> data)
    {
        if (!Supported || data.IsEmpty)
        {
            return SendOutcome.Accepted(0);
        }

        var added = false;
        SafeHandle? handle = null;
        try
        {
            handle = socket.SafeHandle;
            // Held so that a concurrent close cannot release the descriptor (and let another socket reuse its number).
            handle.DangerousAddRef(ref added);
            return Send(handle.DangerousGetHandle(), data);
        }
        catch (ObjectDisposedException)
        {
            return SendOutcome.Failed(EBadF);
        }
        finally
        {
            if (added)
            {
                handle!.DangerousRelease();
            }
        }
    }

    private static SendOutcome Send(nint descriptor, ReadOnlySpan<byte> data)
    {
        while (true)
        {
            var sent = Send(descriptor, ref MemoryMarshal.GetReference(data), data.Length, MsgDontWait | MsgNoSignal);
            if (sent >= 0)
            {
                return SendOutcome.Accepted((int)sent);
            }

            // Read at once, before anything else on this thread can overwrite it.
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EAgain)
            {
                return SendOutcome.Accepted(0);
            }

            if (errno != EIntr)
            {
                return SendOutcome.Failed(errno);
            }
        }
    }

    [DllImport("libc", EntryPoint = "send", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Send(nint socket, ref byte buffer, nint length, int flags);
}
