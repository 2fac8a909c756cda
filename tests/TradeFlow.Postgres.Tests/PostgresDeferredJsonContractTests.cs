using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Postgres.Tests;

/// <summary>The event store contract with the jsonb copy deferred to the fill worker, small commits through the multi-row INSERT.</summary>
public sealed class PostgresDeferredJsonContractTests(SchemaFixture fixture) : EventStoreContract, IClassFixture<SchemaFixture>
{
    protected override async Task<IEventStore> CreateStoreAsync() =>
        await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema, json: JsonColumn.Deferred));
}
