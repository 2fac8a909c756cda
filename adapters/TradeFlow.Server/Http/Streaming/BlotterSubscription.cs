using System.Text;
using System.Threading.Channels;

namespace TradeFlow.Server.Http.Streaming;

/// <summary>
/// One client of <c>GET /api/blotter/stream</c>: a bounded queue of ready-made event lines that the feed fills and
/// the client's request drains onto its response. A client that does not keep up is never waited for: when its
/// queue is full the feed stops filling it and marks it for resync, and the request then drops what is queued and
/// sends a <c>resync</c> event, after which the client re-reads the blotter and the stream carries on.
/// </summary>
internal sealed class BlotterSubscription : IDisposable
{
    private readonly Channel<string> _lines;
    private readonly Action<BlotterSubscription> _unsubscribe;
    private int _overflowed;

    public BlotterSubscription(int capacity, Action<BlotterSubscription> unsubscribe)
    {
        _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _unsubscribe = unsubscribe;
    }

    /// <summary>Queues one event (called by the feed's pump only); a full queue marks the client for resync instead.</summary>
    public void Offer(string eventText)
    {
        if (Volatile.Read(ref _overflowed) == 1)
        {
            return;
        }

        if (!_lines.Writer.TryWrite(eventText))
        {
            MarkForResync();
        }
    }

    /// <summary>Makes the client drop what it has queued and re-read the blotter (called by the feed's pump only).</summary>
    public void MarkForResync()
    {
        Volatile.Write(ref _overflowed, 1);

        // Wakes a client waiting on an empty queue; when the queue is full it is awake anyway.
        _lines.Writer.TryWrite(string.Empty);
    }

    /// <summary>Ends the stream (the server is stopping).</summary>
    public void Complete() => _lines.Writer.TryComplete();

    /// <summary>
    /// Writes queued events to <paramref name="output"/> as they come, a comment line when nothing came for
    /// <paramref name="heartbeat"/>, until the client goes away or the feed completes.
    /// </summary>
    public async Task PumpAsync(Stream output, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await WaitForLinesAsync(heartbeat, cancellationToken).ConfigureAwait(false))
            {
                if (_lines.Reader.Completion.IsCompleted)
                {
                    return;
                }

                await WriteAsync(output, ": heartbeat\n\n", cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (Interlocked.Exchange(ref _overflowed, 0) == 1)
            {
                while (_lines.Reader.TryRead(out _))
                {
                }

                await WriteAsync(output, "event: resync\ndata: {\"reason\":\"the client fell behind; re-read the blotter\"}\n\n", cancellationToken)
                    .ConfigureAwait(false);
                continue;
            }

            var batch = new StringBuilder();
            while (batch.Length < 64 * 1024 && _lines.Reader.TryRead(out var line))
            {
                batch.Append(line);
            }

            await WriteAsync(output, batch.ToString(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Unsubscribes from the feed.</summary>
    public void Dispose()
    {
        _unsubscribe(this);
        _lines.Writer.TryComplete();
    }

    // True when there is something to write (lines, or a resync to send); false after the heartbeat interval or at the end.
    private async Task<bool> WaitForLinesAsync(TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _overflowed) == 1 || _lines.Reader.TryPeek(out _))
        {
            return true;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(heartbeat);
        try
        {
            return await _lines.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false) || Volatile.Read(ref _overflowed) == 1;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Volatile.Read(ref _overflowed) == 1;
        }
    }

    private static async Task WriteAsync(Stream output, string text, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
