using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using TradeFlow.Engine;
using TradeFlow.Projections.Runtime;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Streaming;

/// <summary>
/// The live blotter behind <c>GET /api/blotter/stream</c>: an engine subscriber that copies each committed event
/// into a bounded inbox, and one pump that turns it into a <see cref="BlotterRow"/> JSON line once and offers it
/// to every connected client. Nothing reads the store per client, and nothing the clients do can hold up the
/// engine: the publish thread only copies references (and skips even that while nobody listens); when the
/// inbox is full the event is dropped and every client is told to resync.
/// </summary>
public sealed class BlotterFeed : IEngineSubscriber, IDisposable
{
    /// <summary>How often a quiet stream carries a comment line, so proxies and the browser keep it open.</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);

    private const int InboxCapacity = 16_384;

    private static readonly JsonSerializerOptions Json = new(ProjectionJson.Options);

    private readonly Channel<BlotterItem> _inbox = Channel.CreateBounded<BlotterItem>(new BoundedChannelOptions(InboxCapacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Lock _gate = new();
    private readonly int _clientCapacity;
    private readonly Task _pump;
    private BlotterSubscription[] _clients = [];
    private int _inboxOverflowed;

    /// <summary>A feed whose clients each queue at most <paramref name="clientCapacity"/> events before they must resync.</summary>
    public BlotterFeed(int clientCapacity = 1_024, TimeSpan? heartbeat = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clientCapacity, 1);
        _clientCapacity = clientCapacity;
        Heartbeat = heartbeat ?? DefaultHeartbeat;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The heartbeat interval of every client's stream.</summary>
    public TimeSpan Heartbeat { get; }

    /// <summary>How many clients are connected.</summary>
    public int Clients => Volatile.Read(ref _clients).Length;

    /// <inheritdoc/>
    public void OnCommitted(ReadOnlySpan<CommittedEvent> events)
    {
        if (Volatile.Read(ref _clients).Length == 0)
        {
            return;
        }

        foreach (ref readonly var e in events)
        {
            if (!BlotterRow.Shows(e.Event))
            {
                continue;
            }

            if (!_inbox.Writer.TryWrite(new BlotterItem(e.Event, e.Position.Value, e.RecordedTime, e.Actor)))
            {
                Volatile.Write(ref _inboxOverflowed, 1);
            }
        }
    }

    /// <summary>Connects a client (queueing <paramref name="capacity"/> events, default the feed's); dispose it when it goes away.</summary>
    internal BlotterSubscription Subscribe(int? capacity = null)
    {
        var client = new BlotterSubscription(capacity ?? _clientCapacity, Unsubscribe);
        lock (_gate)
        {
            Volatile.Write(ref _clients, [.. _clients, client]);
        }

        return client;
    }

    /// <summary>Stops the pump and ends every client's stream.</summary>
    public void Dispose()
    {
        _inbox.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(10));
        foreach (var client in Volatile.Read(ref _clients))
        {
            client.Complete();
        }
    }

    private void Unsubscribe(BlotterSubscription client)
    {
        lock (_gate)
        {
            Volatile.Write(ref _clients, [.. _clients.Where(c => c != client)]);
        }
    }

    private async Task PumpAsync()
    {
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                var clients = Volatile.Read(ref _clients);
                if (Interlocked.Exchange(ref _inboxOverflowed, 0) == 1)
                {
                    foreach (var client in clients)
                    {
                        client.MarkForResync();
                    }
                }

                var row = BlotterRow.From(item.Position, item.Event, item.RecordedTime, item.Actor);
                var text = string.Create(CultureInfo.InvariantCulture, $"id: {item.Position}\ndata: {JsonSerializer.Serialize(row, Json)}\n\n");
                foreach (var client in clients)
                {
                    client.Offer(text);
                }
            }
        }
    }
}
