using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Engine.Tests;

// EngineOptions.ExpectedTrades must reach the decision state: the room for that many trades is taken when the engine is
// built (serve relies on it to keep the decide thread from growing the state chunk by chunk).
public sealed class ExpectedTradesTests
{
    [Fact]
    public void An_engine_built_for_expected_trades_takes_their_room_when_it_is_built()
    {
        var referenceData = new ReferenceDataBuilder().Build();
        long AllocatedBuilding(int expectedTrades)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            using var engine = new TradeEngine(new EngineOptions(new InMemoryEventStore(), referenceData, new FakeClock())
            {
                ExpectedTrades = expectedTrades,
            });
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AllocatedBuilding(0);
        var unsized = AllocatedBuilding(0);
        var sized = AllocatedBuilding(100_000);

        // 80 bytes per live trade alone; the id index and the outcome map's entries and buckets come on top.
        Assert.True(sized - unsized >= 100_000 * 80L, $"sized for 100,000 trades: {sized - unsized:N0} more bytes than unsized");
    }
}
