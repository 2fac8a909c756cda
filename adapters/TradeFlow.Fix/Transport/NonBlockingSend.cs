using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// A send that never blocks: <c>send(2)</c> with <c>MSG_DONTWAIT</c> on a connected TCP socket (Linux), which copies
/// into the socket's send buffer what fits now and returns. .NET offers no per-call non-blocking send on a blocking
/// socket (its <see cref="SocketFlags"/> has no <c>MSG_DONTWAIT</c>), and switching the socket to non-blocking mode
/// would break the connection reader's blocking reads on the same socket.
/// </summary>
internal static partial class NonBlockingSend
{
    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;

    /// <summary>Whether <see cref="TrySend"/> can write anything here (Linux; elsewhere it writes nothing).</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux();

    /// <summary>
    /// Writes as much of <paramref name="data"/> as the socket accepts without waiting; returns how many bytes that was.
    /// 0 when the send buffer is full, on any error (the next blocking write reports it) and where not
    /// <see cref="Supported"/>. Never throws.
    /// </summary>
    public static int TrySend(Socket socket, ReadOnlySpan<byte> data)
    {
        if (!Supported || data.IsEmpty)
        {
            return 0;
        }

        var added = false;
        SafeHandle? handle = null;
        try
        {
            handle = socket.SafeHandle;
            // Held so that a concurrent close cannot release the descriptor (and let another socket reuse its number).
            handle.DangerousAddRef(ref added);
            var sent = Send(handle.DangerousGetHandle(), ref MemoryMarshal.GetReference(data), data.Length, MsgDontWait | MsgNoSignal);
            return sent > 0 ? (int)sent : 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
        finally
        {
            if (added)
            {
                handle!.DangerousRelease();
            }
        }
    }

    [DllImport("libc", EntryPoint = "send")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint Send(nint socket, ref byte buffer, nint length, int flags);
}
