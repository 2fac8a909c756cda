namespace TradeFlow.Ring.Tests.Support;

/// <summary>Runs publishing threads, to completion, that each write (producer id, running count) into their slots.</summary>
public static class Producers
{
    public static void Run(RingBuffer<TestSlot> ring, int producers, int eventsPerProducer)
    {
        var threads = new Thread[producers];
        using var go = new Barrier(producers);
        for (var p = 0; p < producers; p++)
        {
            var id = p;
            threads[p] = new Thread(() =>
            {
                go.SignalAndWait();
                for (long i = 0; i < eventsPerProducer; i++)
                {
                    var sequence = ring.Next();
                    var slot = ring[sequence];
                    slot.Producer = id;
                    slot.Value = i;
                    ring.Publish(sequence);
                }
            })
            { IsBackground = true, Name = $"producer-{id}" };
        }

        foreach (var thread in threads)
        {
            thread.Start();
        }

        // Returns when every producer has published (the barrier is disposed only after that).
        Wait.ForThreads(threads);
    }
}
