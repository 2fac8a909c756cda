namespace TradeFlow.EventSourcing.TestKit;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Concurrent_appenders_to_one_stream_never_share_a_version()
    {
        const int Appenders = 4;
        const int AppendsEach = 15;
        var stream = NewStream();

        // Each appender retries with the version it reads until it wins: optimistic concurrency in a loop.
        var tasks = Enumerable.Range(0, Appenders).Select(_ => Task.Run(async () =>
        {
            var wins = 0;
            while (wins < AppendsEach)
            {
                var version = await Store.GetStreamVersionAsync(stream);
                var expected = version == StreamVersion.None ? ExpectedVersion.NoStream : ExpectedVersion.At(version);
                if ((await Store.AppendToStreamAsync(stream, expected, TestEvents.Events(1))).IsSuccess)
                {
                    wins++;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).WaitAsync(Patience);

        var read = await ReadAsync(stream);
        Assert.Equal(Appenders * AppendsEach, read.Count);
        Assert.Equal(Enumerable.Range(0, read.Count).Select(i => (long)i), read.Select(e => e.StreamVersion));
        Assert.Equal(read.Count, read.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_appenders_to_different_streams_all_land_with_distinct_positions()
    {
        const int Appenders = 4;
        const int AppendsEach = 20;
        var streams = Enumerable.Range(0, Appenders).Select(_ => NewStream()).ToArray();

        await Task.WhenAll(streams.Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsEach; i++)
            {
                await AppendAsync(s, i == 0 ? ExpectedVersion.NoStream : ExpectedVersion.At(i - 1), TestEvents.Events(1));
            }
        }))).WaitAsync(Patience);

        var ours = (await Store.ReadAllAsync(GlobalPosition.Start, Direction.Forwards).ToListAsync()).Where(IsOurs).ToList();
        Assert.Equal(Appenders * AppendsEach, ours.Count);
        Assert.Equal(ours.Count, ours.Select(e => e.Position).Distinct().Count());
        foreach (var stream in streams)
        {
            Assert.Equal(AppendsEach, (await ReadAsync(stream)).Count);
        }
    }
}
