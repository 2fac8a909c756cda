using TradeFlow.Postgres.Projections;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>
/// A test class with its own schema holding a PostgreSQL event store and a PostgreSQL projection store,
/// opened before the tests and dropped with the schema after them.
/// </summary>
public abstract class PostgresStoresTest : IAsyncLifetime
{
    /// <summary>The schema this class's tests own.</summary>
    protected string Schema { get; } = TestDatabase.NewSchema();

    /// <summary>The event store in <see cref="Schema"/>.</summary>
    protected PostgresEventStore Events { get; private set; } = null!;

    /// <summary>The projection store in <see cref="Schema"/>.</summary>
    protected PostgresProjectionStore Projections { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Events = await PostgresEventStore.OpenAsync(TestDatabase.Options(Schema));
        Projections = await PostgresProjectionStore.OpenAsync(TestDatabase.Options(Schema));
    }

    public async Task DisposeAsync()
    {
        await Projections.DisposeAsync();
        await Events.DisposeAsync();
        await TestDatabase.DropSchemaAsync(Schema);
    }
}
