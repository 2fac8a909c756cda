using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>A seeded random lifecycle history (the projections' generator, driven by a fixed seed so a failure reproduces).</summary>
internal sealed class History
{
    private History(LifecycleDriver driver) => Driver = driver;

    public LifecycleDriver Driver { get; }

    public IReadOnlyList<ITradeEvent> Events => Driver.AllEvents;

    public static History Random(int seed, int steps)
    {
        var random = new Random(seed);
        var plan = Enumerable.Range(0, steps).Select(_ => (random.Next(0, 14), random.Next(0, 51), random.Next(0, 1001))).ToArray();
        return new History(RandomHistory.Run(plan));
    }

    /// <summary>Appends events [from, to) one commit each, as positions from + 1 … to.</summary>
    public GlobalPosition AppendTo(IEventJournal journal, int from, int to)
    {
        EventFeed.AppendTo(journal, Events.Skip(from).Take(to - from), firstIndex: from + 1);
        return GlobalPosition.FromInt64(to);
    }

    /// <summary>The state hash of <paramref name="projection"/> folded in memory over the first <paramref name="count"/> events.</summary>
    public string InMemoryHash(IProjection projection, int count)
    {
        ProjectionSet.Fold(projection, EventFeed.From(Events).Take(count));
        return StateHash.Of(projection);
    }
}
