using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Postgres.Tests;

/// <summary>The synchronous face on PostgreSQL; these tests need an empty store, so each gets a fresh schema.</summary>
public sealed class PostgresJournalContractTests : EventJournalContract
{
    private readonly string _schema = TestDatabase.NewSchema();

    protected override IEventJournal CreateJournal() => PostgresEventStore.Open(TestDatabase.Options(_schema));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestDatabase.DropSchemaAsync(_schema).GetAwaiter().GetResult();
    }
}
