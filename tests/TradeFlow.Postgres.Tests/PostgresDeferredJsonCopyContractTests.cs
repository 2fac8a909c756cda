using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Postgres.Tests;

/// <summary>The event store contract with the jsonb copy deferred to the fill worker and every commit written by binary COPY.</summary>
public sealed class PostgresDeferredJsonCopyContractTests(SchemaFixture fixture) : EventStoreContract, IClassFixture<SchemaFixture>
{
    protected override async Task<IEventStore> CreateStoreAsync() =>
        await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema, copyThreshold: 1, json: JsonColumn.Deferred));
}
