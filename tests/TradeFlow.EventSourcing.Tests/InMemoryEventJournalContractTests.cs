using TradeFlow.EventSourcing.InMemory;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.EventSourcing.Tests;

public sealed class InMemoryEventJournalContractTests : EventJournalContract
{
    protected override IEventJournal CreateJournal() => new InMemoryEventStore();
}
