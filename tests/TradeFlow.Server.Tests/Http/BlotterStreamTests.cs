using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Streaming;
using TradeFlow.Server.Tests.Http.Support;

namespace TradeFlow.Server.Tests.Http;

/// <summary><c>GET /api/blotter/stream</c>: the live blotter as server-sent events, on a real loopback socket.</summary>
public sealed class BlotterStreamTests
{
    [Fact]
    public async Task A_trade_booked_after_the_stream_opened_arrives_as_one_json_event()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        using var client = host.Client(ApiRole.Risk);
        await using var stream = await SseReader.OpenAsync(client, "/api/blotter/stream");
        Assert.Equal("text/event-stream", stream.ContentType);

        var tradeId = await host.BookAsync(Trades.Apple());

        var row = await stream.NextDataAsync().WaitAsync(ApiHost.Timeout);
        Assert.Equal(tradeId, row.GetProperty("tradeId").GetString());
        Assert.Equal("TradeBooked", row.GetProperty("event").GetString());
        Assert.Equal("US0378331005", row.GetProperty("instrument").GetString());
        Assert.Equal(ApiHost.ActorOf(ApiRole.Trader), row.GetProperty("actor").GetString());
        using var api = host.Client(ApiRole.Auditor);
        var blotter = await Json.GetAsync(api, "/api/trades?limit=1");
        Assert.Equal(blotter[0].GetProperty("position").GetInt64(), row.GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task An_event_source_may_pass_the_key_as_a_query_parameter()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        using var client = host.Client(role: null);
        await using var stream = await SseReader.OpenAsync(client, "/api/blotter/stream?apiKey=" + Uri.EscapeDataString(ApiHost.Keys[ApiRole.Auditor]));

        var tradeId = await host.BookAsync(Trades.EurUsdSpot());

        Assert.Equal(tradeId, (await stream.NextDataAsync().WaitAsync(ApiHost.Timeout)).GetProperty("tradeId").GetString());
    }

    [Fact]
    public async Task The_stream_without_a_valid_key_is_refused_with_401()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        using var client = host.Client(role: null);

        using var response = await client.GetAsync(new Uri("/api/blotter/stream?apiKey=not-a-key", UriKind.Relative));

        await Json.ProblemAsync(response, 401);
    }

    [Fact]
    public async Task A_client_that_disconnects_is_unsubscribed()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        var client = host.Client(ApiRole.Trader);
        var stream = await SseReader.OpenAsync(client, "/api/blotter/stream");
        Assert.Equal(1, host.Blotter.Clients);

        await stream.DisposeAsync();
        client.Dispose();
        // The server notices the closed socket once its writes to it fail: each booking gives it one more write.
        for (var i = 0; i < 1_000 && host.Blotter.Clients != 0; i++)
        {
            await host.BookAsync(Trades.Apple(quantity: 10m));
        }

        Assert.Equal(0, host.Blotter.Clients);
    }

    [Fact]
    public async Task A_client_that_falls_behind_gets_a_resync_event_instead_of_holding_anything_up()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        using var client = host.Client(ApiRole.Auditor);
        await using var reading = await SseReader.OpenAsync(client, "/api/blotter/stream");
        using var stalled = host.Blotter.Subscribe(capacity: 8);

        // The stalled client reads nothing: its queue of 8 fills and it is marked for resync; bookings go on being acked.
        var booked = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            booked.Add(await host.BookAsync(Trades.Apple(quantity: 1m)));
        }

        // Each event is offered to every client in turn: once the reading client has the tenth, so has the stalled one.
        var received = new List<string>();
        while (received.Count < booked.Count)
        {
            received.Add((await reading.NextDataAsync().WaitAsync(ApiHost.Timeout)).GetProperty("tradeId").GetString()!);
        }

        Assert.Equal(booked, received);
        await using var output = new SignallingStream();
        using var cancel = new CancellationTokenSource();
        var pump = stalled.PumpAsync(output, TimeSpan.FromMinutes(1), cancel.Token);
        await output.Written.WaitAsync(ApiHost.Timeout);
        await cancel.CancelAsync();
        try
        {
            await pump.WaitAsync(ApiHost.Timeout);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while waiting for the next event: the client went away.
        }

        Assert.StartsWith("event: resync\n", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_stream_carries_a_heartbeat_comment()
    {
        using var feed = new BlotterFeed(heartbeat: TimeSpan.FromMilliseconds(50));
        using var client = feed.Subscribe();
        await using var output = new SignallingStream();
        using var cancel = new CancellationTokenSource();

        var pump = client.PumpAsync(output, feed.Heartbeat, cancel.Token);
        await output.Written.WaitAsync(ApiHost.Timeout);
        await cancel.CancelAsync();
        try
        {
            await pump.WaitAsync(ApiHost.Timeout);
        }
        catch (OperationCanceledException)
        {
            // Cancelled while waiting: the client went away.
        }

        Assert.StartsWith(": heartbeat\n\n", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_feed_the_stream_answers_503()
    {
        await using var host = await ApiHost.StartAsync(withBlotterFeed: false);
        using var client = host.Client(ApiRole.Auditor);

        using var response = await client.GetAsync(new Uri("/api/blotter/stream", UriKind.Relative));

        await Json.ProblemAsync(response, 503);
    }
}
