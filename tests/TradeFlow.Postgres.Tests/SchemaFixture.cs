namespace TradeFlow.Postgres.Tests;

/// <summary>One migrated schema for a whole test class, dropped when the class is done.</summary>
public sealed class SchemaFixture : IAsyncLifetime
{
    public string Schema { get; } = TestDatabase.NewSchema();

    public async Task InitializeAsync() => await PostgresEventStore.MigrateAsync(TestDatabase.Options(Schema));

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(Schema);
}
