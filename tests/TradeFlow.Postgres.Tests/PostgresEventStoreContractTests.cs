using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Postgres.Tests;

/// <summary>The event store contract on PostgreSQL, small commits through the multi-row INSERT, in a schema of this class's own.</summary>
public sealed class PostgresEventStoreContractTests(SchemaFixture fixture) : EventStoreContract, IClassFixture<SchemaFixture>
{
    protected override async Task<IEventStore> CreateStoreAsync() => await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema));
}
