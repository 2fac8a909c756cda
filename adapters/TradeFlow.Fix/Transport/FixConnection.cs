using System.Buffers;
using System.Net.Sockets;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// One TCP (or TLS) connection: reads into a pooled buffer, frames messages with <see cref="FixParser"/> and hands
/// them to the session synchronously. While the application blocks (the engine's ring is full) this loop does not
/// read, the socket's receive window fills and TCP pushes back on the counterparty.
/// </summary>
internal sealed class FixConnection : ISessionConnection
{
    private const int InitialBuffer = 64 * 1024;
    private readonly Socket _socket;
    private readonly Lock _writeLock = new();
    private Stream _stream;
    private readonly SocketWriteProbe? _probe;
    private int _closed;

    public FixConnection(Socket socket, Stream stream, SocketWriteProbe? probe = null)
    {
        _socket = socket;
        _stream = stream;
        _probe = probe;
        RemoteAddress = socket.RemoteEndPoint?.ToString() ?? "?";
    }

    public string RemoteAddress { get; }

    public FixSession? Session { get; private set; }

    public void Send(ReadOnlySpan<byte> data)
    {
        var probed = _probe?.Entered(Session?.SessionId, blocking: true);
        try
        {
            lock (_writeLock)
            {
                _stream.Write(data);
            }
        }
        catch (ObjectDisposedException e)
        {
            throw new IOException("Connection closed", e);
        }
        finally
        {
            if (probed is { } token)
            {
                _probe!.Exited(token);
            }
        }
    }

    // Plain TCP only: a TLS record half written could not be finished by another thread's write.
    public bool CanSendWithoutBlocking => NonBlockingSend.Supported && _stream is NetworkStream;

    public SendOutcome TrySendNow(ReadOnlySpan<byte> data)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return SendOutcome.Failed(NonBlockingSend.EBadF);
        }

        if (!_writeLock.TryEnter())
        {
            return SendOutcome.Accepted(0);
        }

        var probed = _probe?.Entered(Session?.SessionId, blocking: false);
        var outcome = SendOutcome.Accepted(0);
        try
        {
            outcome = NonBlockingSend.TrySend(_socket, data);
            return outcome;
        }
        finally
        {
            if (probed is { } token)
            {
                _probe!.Exited(token, shortWrite: outcome.Bytes < data.Length);
            }

            _writeLock.Exit();
        }
    }

    // poll(2) for POLLOUT: the socket stays blocking for the reader. A closed or failed socket counts as writable,
    // so that the next write reports why.
    public bool WaitWritable(TimeSpan timeout)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return true;
        }

        try
        {
            return _socket.Poll(timeout, SelectMode.SelectWrite);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            return true;
        }
    }

    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }

        _socket.Close();
    }

    /// <summary>
    /// Reads until the connection ends, on a thread of its own. <paramref name="route"/> picks the session from the
    /// first message (null refuses it). Cancelling <paramref name="cancellationToken"/> closes the connection.
    /// </summary>
    /// <remarks>
    /// A blocking read on a dedicated thread (QuickFIX's ThreadedSocketAcceptor does the same): the kernel wakes the
    /// reader itself when bytes arrive, where an async read is woken by the socket engine's epoll thread and then
    /// runs on the thread pool — a second hop, paid by every order, that on a busy 2-core machine is the larger one.
    /// A FIX acceptor has a handful of connections, so a thread each is cheap.
    /// </remarks>
    public Task RunAsync(Func<FixMessage, FixConnection, FixSession?> route, Action<string> logGarbled, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(route, logGarbled, cancellationToken), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(Func<FixMessage, FixConnection, FixSession?> route, Action<string> logGarbled, CancellationToken cancellationToken)
    {
        Thread.CurrentThread.Name ??= "fix-read";
        using var stop = cancellationToken.Register(Disconnect);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var message = new FixMessage();
        var filled = 0;
        var reason = "Connection closed by the counterparty";
        try
        {
            while (Volatile.Read(ref _closed) == 0)
            {
                if (filled == buffer.Length)
                {
                    buffer = Grow(buffer, filled);
                }

                var read = _stream.Read(buffer.AsSpan(filled));
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var readAt = FixTrace.Now();
                var consumed = Consume(buffer.AsSpan(0, filled), message, route, logGarbled);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                FixTrace.Since(FixTraceStage.ConsumeRead, readAt);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = "Connection lost: " + e.Message;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Disconnect();
            Session?.Disconnected(this, reason);
            _stream.Dispose();
        }
    }

    /// <summary>Binds the connection to its session up front (an initiator knows it before any message).</summary>
    public void Attach(FixSession session) => Session = session;

    /// <summary>Replaces the plain stream with the TLS stream once the handshake is done.</summary>
    public void UseStream(Stream stream) => _stream = stream;

    private int Consume(Span<byte> data, FixMessage message, Func<FixMessage, FixConnection, FixSession?> route, Action<string> logGarbled)
    {
        var offset = 0;
        while (offset < data.Length && Volatile.Read(ref _closed) == 0)
        {
            var status = FixParser.TryParse(data[offset..], message, out var consumed, out var why);
            if (status == FixParseStatus.Incomplete)
            {
                break;
            }

            offset += consumed;
            if (status == FixParseStatus.Garbled)
            {
                if (Session is { } s)
                {
                    s.Garbled(why ?? "garbled");
                }
                else
                {
                    logGarbled(why ?? "garbled");
                }

                continue;
            }

            if (Session is null && (Session = route(message, this)) is null)
            {
                Disconnect();
                break;
            }

            Session.Next(message);
        }

        return offset;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        if (buffer.Length > FixParser.MaxBodyLength * 2)
        {
            throw new IOException("Message larger than the parser's limit");
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
