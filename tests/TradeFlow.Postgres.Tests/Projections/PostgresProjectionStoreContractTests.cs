using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Storage;
using TradeFlow.Projections.Tests.Storage;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>The projection store contract the in-memory and file stores pass, on PostgreSQL, in a schema of this class's own.</summary>
public sealed class PostgresProjectionStoreContractTests(SchemaFixture fixture) : ProjectionStoreContract, IClassFixture<SchemaFixture>
{
    protected override async Task<IProjectionStore> CreateStoreAsync() => await PostgresProjectionStore.OpenAsync(TestDatabase.Options(fixture.Schema));
}
