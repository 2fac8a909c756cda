using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Postgres;
using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Server.Serve;

/// <summary>The event store the engine journals to, and the store the projections checkpoint into.</summary>
internal sealed class ServeStores : IAsyncDisposable
{
    private ServeStores(IEventJournal journal, IEventStore events, IProjectionStore projections)
    {
        Journal = journal;
        Events = events;
        Projections = projections;
    }

    /// <summary>What the engine appends to.</summary>
    public IEventJournal Journal { get; }

    /// <summary>The same store, as projections and queries read it.</summary>
    public IEventStore Events { get; }

    /// <summary>Where projection snapshots and checkpoints are saved.</summary>
    public IProjectionStore Projections { get; }

    /// <summary>Opens the configured stores: the journal in <c>data/journal</c> with snapshots in <c>data/projections</c>, or PostgreSQL.</summary>
    public static async Task<ServeStores> OpenAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Store == StoreKind.Postgres)
        {
            var options = new PostgresEventStoreOptions(settings.PostgresConnectionString
                ?? throw new InvalidOperationException("--store postgres needs --postgres CONNSTR or TRADEFLOW_PG."))
            {
                Schema = settings.PostgresSchema,
                JsonColumn = settings.PostgresJsonColumn,
            };
            var events = await PostgresEventStore.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            var projections = await PostgresProjectionStore.OpenAsync(options, cancellationToken).ConfigureAwait(false);
            return new ServeStores(events, events, projections);
        }

        var journal = EventJournal.Open(new JournalOptions(settings.DataDirectory));
        return new ServeStores(journal, journal, new FileProjectionStore(Path.Combine(settings.DataDirectory, "projections")));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        (Projections as IDisposable)?.Dispose();
        Journal.Dispose();
        return ValueTask.CompletedTask;
    }
}
