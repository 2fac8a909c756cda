using Npgsql;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Postgres;
using TradeFlow.Replay.Cli;

namespace TradeFlow.Replay.Stores;

/// <summary>
/// A store opened read-only for a verb. The journal is opened with <see cref="EventJournal.OpenReadOnly"/> (no writer
/// lock, nothing written, a snapshot of what was committed when it opened); PostgreSQL is opened without running
/// migrations, and the tool only ever reads from it. Failures become one-line <see cref="ReplayException"/>s.
/// </summary>
public sealed class ReplayStore : IDisposable
{
    private ReplayStore(StoreSelection selection, IEventJournal journal)
    {
        Selection = selection;
        Journal = journal;
    }

    /// <summary>Where the store is.</summary>
    public StoreSelection Selection { get; }

    /// <summary>The synchronous read face of the store.</summary>
    public IEventJournal Journal { get; }

    /// <summary>The position of the last event when the store was opened.</summary>
    public GlobalPosition Head { get; private set; }

    /// <summary>Opens the store read-only.</summary>
    /// <exception cref="ReplayException">The directory holds no journal, the journal is corrupt, or the database cannot be used.</exception>
    public static ReplayStore Open(StoreSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var store = new ReplayStore(selection, selection.Kind == StoreKind.Journal ? OpenJournal(selection.Location) : OpenPostgres(selection));
        try
        {
            store.Head = Translate(selection, () => store.Journal.HeadPosition);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Runs a read, turning store failures into one-line errors.</summary>
    public T Read<T>(Func<T> read) => Translate(Selection, read);

    /// <inheritdoc />
    public void Dispose() => Journal.Dispose();

    /// <summary>Checks that <paramref name="directory"/> holds a journal (a bad path is bad input, not an empty store).</summary>
    public static string JournalDirectoryOf(string directory)
    {
        var journal = new JournalOptions(directory).JournalDirectory;
        return Directory.Exists(journal) && Directory.EnumerateFiles(journal, "segment-*.tfj").Any()
            ? journal
            : throw ReplayException.BadInput($"{Path.GetFullPath(directory)} holds no journal (expected segment files in {journal}).");
    }

    private static EventJournal OpenJournal(string directory)
    {
        JournalDirectoryOf(directory);
        try
        {
            return EventJournal.OpenReadOnly(new JournalOptions(directory));
        }
        catch (JournalCorruptException ex)
        {
            throw ReplayException.StoreUnavailable($"the journal is corrupt: {ex.Message} Run `tradeflow-replay verify --data {directory}` to list every problem.", ex);
        }
    }

    private static PostgresEventStore OpenPostgres(StoreSelection selection)
    {
        try
        {
            var options = new PostgresEventStoreOptions(selection.Location) { Schema = selection.Schema, ApplyMigrations = false };
            return PostgresEventStore.Open(options);
        }
        catch (ArgumentException ex)
        {
            throw ReplayException.BadInput($"bad PostgreSQL settings: {ex.Message}");
        }
    }

    private static T Translate<T>(StoreSelection selection, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            throw ReplayException.StoreUnavailable($"{selection.Describe()} holds no TradeFlow event store ({ex.MessageText}).", ex);
        }
        catch (NpgsqlException ex)
        {
            throw ReplayException.StoreUnavailable($"cannot reach {selection.Describe()}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        catch (JournalCorruptException ex)
        {
            throw ReplayException.StoreUnavailable($"the journal is corrupt: {ex.Message} Run `tradeflow-replay verify --data {selection.Location}` to list every problem.", ex);
        }
    }
}
