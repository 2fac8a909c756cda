using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Postgres.Tests;

/// <summary>The event store contract again with every commit written by binary COPY, so both write paths meet the contract.</summary>
public sealed class PostgresCopyContractTests(SchemaFixture fixture) : EventStoreContract, IClassFixture<SchemaFixture>
{
    protected override async Task<IEventStore> CreateStoreAsync() => await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema, copyThreshold: 1));
}
