using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

/// <summary>The event store contract on the journal, with small segments so that commits cross segment boundaries.</summary>
public sealed class JournalContractTests : EventStoreContract
{
    private readonly TempJournal _directory = new(segmentSize: 16 * 1024);

    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(_directory.Open());

    protected override async Task DisposeStoreAsync(IEventStore store)
    {
        await store.DisposeAsync();
        _directory.Delete();
    }
}
