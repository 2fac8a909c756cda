using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Postgres.Tests;

/// <summary>The event store contract without the jsonb copy, every commit written by binary COPY.</summary>
public sealed class PostgresNoJsonCopyContractTests(SchemaFixture fixture) : EventStoreContract, IClassFixture<SchemaFixture>
{
    protected override async Task<IEventStore> CreateStoreAsync() =>
        await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema, copyThreshold: 1, json: JsonColumn.None));
}
