using System.Threading.Channels;

namespace TradeFlow.Benchmarks.Ring;

/// <summary>
/// The same three graphs on bounded System.Threading.Channels, the idiomatic way: async producers
/// and consumers, TryWrite/TryRead with WriteAsync/WaitToReadAsync when full or empty. A diamond is
/// a fan-out to two channels, two stages, and a join reading one item from each stage's channel.
/// </summary>
public sealed class ChannelTopology : IDisposable
{
    private readonly Channel<long> _input;
    private readonly Channel<long>? _inputB;
    private readonly int _producers;
    private readonly List<Task> _consumers = [];
    private long _count;
    private long _target = long.MaxValue;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelTopology(string shape, int producers, int capacity)
    {
        _producers = producers;
        _input = Bounded(capacity, singleWriter: producers == 1);
        if (shape == "Diamond")
        {
            _inputB = Bounded(capacity, singleWriter: true);
            var outA = Bounded(capacity, singleWriter: true);
            var outB = Bounded(capacity, singleWriter: true);
            _consumers.Add(Task.Run(() => Stage(_input.Reader, outA.Writer, v => v + 1)));
            _consumers.Add(Task.Run(() => Stage(_inputB.Reader, outB.Writer, v => v * 2)));
            _consumers.Add(Task.Run(() => Join(outA.Reader, outB.Reader)));
        }
        else
        {
            _consumers.Add(Task.Run(() => Consume(_input.Reader)));
        }
    }

    public long Sum { get; private set; }

    public async Task RunAsync(int events)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Volatile.Read(ref _count) + events);
        if (_producers == 1)
        {
            await ProduceAsync(events).ConfigureAwait(false);
        }
        else
        {
            var perProducer = events / _producers;
            var tasks = new Task[_producers];
            for (var p = 0; p < _producers; p++)
            {
                tasks[p] = Task.Run(() => ProduceAsync(perProducer));
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        await _done.Task.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _input.Writer.TryComplete();
        _inputB?.Writer.TryComplete();
        Task.WaitAll([.. _consumers], TimeSpan.FromSeconds(30));
    }

    private static Channel<long> Bounded(int capacity, bool singleWriter) => Channel.CreateBounded<long>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = singleWriter, FullMode = BoundedChannelFullMode.Wait });

    private static async Task Stage(ChannelReader<long> reader, ChannelWriter<long> writer, Func<long, long> work)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var value))
            {
                var result = work(value);
                if (!writer.TryWrite(result))
                {
                    await writer.WriteAsync(result).ConfigureAwait(false);
                }
            }
        }

        writer.TryComplete();
    }

    private async Task ProduceAsync(int events)
    {
        var a = _input.Writer;
        var b = _inputB?.Writer;
        for (long i = 0; i < events; i++)
        {
            if (!a.TryWrite(i))
            {
                await a.WriteAsync(i).ConfigureAwait(false);
            }

            if (b is not null && !b.TryWrite(i))
            {
                await b.WriteAsync(i).ConfigureAwait(false);
            }
        }
    }

    private async Task Consume(ChannelReader<long> reader)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var value))
            {
                Seen(value);
            }
        }
    }

    private async Task Join(ChannelReader<long> a, ChannelReader<long> b)
    {
        while (true)
        {
            long x;
            long y;
            while (!a.TryRead(out x))
            {
                if (!await a.WaitToReadAsync().ConfigureAwait(false))
                {
                    return;
                }
            }

            while (!b.TryRead(out y))
            {
                if (!await b.WaitToReadAsync().ConfigureAwait(false))
                {
                    return;
                }
            }

            Seen(x + y);
        }
    }

    private void Seen(long value)
    {
        Sum += value;
        if (++_count == Volatile.Read(ref _target))
        {
            _done.TrySetResult();
        }
    }
}
