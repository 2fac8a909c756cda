using TradeFlow.EventSourcing.InMemory;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.EventSourcing.Tests;

public sealed class InMemoryEventStoreContractTests : EventStoreContract
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(new InMemoryEventStore());
}
