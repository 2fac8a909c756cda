using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

public sealed class JournalSyncContractTests : EventJournalContract
{
    private readonly TempJournal _directory = new();

    protected override IEventJournal CreateJournal() => _directory.Open();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _directory.Delete();
    }
}
