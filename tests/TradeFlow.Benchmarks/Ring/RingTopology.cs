using TradeFlow.Ring;
using TradeFlow.Ring.Dsl;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Benchmarks.Ring;

/// <summary>One of the three benchmarked graphs on our ring, started once and fed per invocation.</summary>
public sealed class RingTopology : IDisposable
{
    private readonly Disruptor<BenchSlot> _disruptor;
    private readonly SummingHandler _last = new();
    private readonly int _producers;

    public RingTopology(string shape, int producers, IWaitStrategy waitStrategy, int bufferSize)
    {
        _producers = producers;
        var type = producers == 1 ? ProducerType.Single : ProducerType.Multi;
        _disruptor = new Disruptor<BenchSlot>(() => new BenchSlot(), bufferSize, type, waitStrategy);
        if (shape == "Diamond")
        {
            _disruptor.HandleEventsWith(new StageAHandler(), new StageBHandler()).Then(_last);
        }
        else
        {
            _disruptor.HandleEventsWith(_last);
        }

        _disruptor.Start();
    }

    public long Sum => _last.Sum;

    /// <summary>Publishes <paramref name="events"/> events from the configured producers and waits until the last stage saw them all.</summary>
    public void Run(int events)
    {
        var ring = _disruptor.RingBuffer;
        var perProducer = events / _producers;
        _last.Expect(ring.Cursor + (perProducer * _producers));
        if (_producers == 1)
        {
            Produce(ring, events);
        }
        else
        {
            var tasks = new Task[_producers];
            for (var p = 0; p < _producers; p++)
            {
                tasks[p] = Task.Run(() => Produce(ring, perProducer));
            }

            Task.WaitAll(tasks);
        }

        _last.Done.Wait();
    }

    public void Dispose()
    {
        _disruptor.Shutdown(TimeSpan.FromSeconds(30));
        _last.Dispose();
    }

    private static void Produce(RingBuffer<BenchSlot> ring, int events)
    {
        for (var i = 0; i < events; i++)
        {
            var sequence = ring.Next();
            ring[sequence].Value = i;
            ring.Publish(sequence);
        }
    }
}
