using Npgsql;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Journal.Reading;
using TradeFlow.Postgres;
using TradeFlow.Replay.Cli;

namespace TradeFlow.Replay.Stores;

/// <summary>
/// A store opened read-only for a verb. The journal is opened with <see cref="EventJournal.OpenReadOnly"/> (no writer
/// lock, nothing written, a snapshot of what was committed when it opened); PostgreSQL is opened without running
/// migrations, and the tool only ever reads from it. Failures become one-line <see cref="ReplayException"/>s.
/// A verb that only reads the whole history forwards opens it with <see cref="OpenForForwardRead"/>: a journal closed
/// cleanly is then walked file by file (<see cref="SequentialJournalReader"/>) instead of loading its index.
/// </summary>
public sealed class ReplayStore : IDisposable
{
    private readonly SequentialJournalReader? _sequential;
    private readonly IEventJournal? _journal;

    private ReplayStore(StoreSelection selection, IEventJournal journal)
    {
        Selection = selection;
        _journal = journal;
    }

    private ReplayStore(StoreSelection selection, SequentialJournalReader sequential)
    {
        Selection = selection;
        _sequential = sequential;
    }

    /// <summary>Where the store is.</summary>
    public StoreSelection Selection { get; }

    /// <summary>The synchronous read face of the store.</summary>
    /// <exception cref="InvalidOperationException">
    /// <see cref="OpenForForwardRead"/> walked a clean journal: the store's one snapshot is then <see cref="Views"/> up
    /// to <see cref="Head"/>. Opening the journal here as well would be a second snapshot, whose head a writer started
    /// since may have moved — verbs that read by stream or position open the store with <see cref="Open"/>.
    /// </exception>
    public IEventJournal Journal => _journal ?? throw new InvalidOperationException(
        "the store was opened for a forward read (the journal is walked, not opened): read it through Views up to Head, or open it with ReplayStore.Open.");

    /// <summary>The store's in-place forward read of events, when it has one (the embedded journal).</summary>
    public IEventViewSource? Views => _sequential ?? (Journal as IEventViewSource);

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

    /// <summary>
    /// Opens the store read-only for a verb that reads the history forwards from position 1 (through <see cref="Views"/>):
    /// a journal whose checkpoint covers every segment is walked file by file, checking each record's CRC-32C (not its
    /// chain hash — as the journal's own read; `verify` is the tamper check) as it goes, without loading its index; any
    /// other journal is opened as by <see cref="Open"/>, which verifies
    /// what follows its checkpoint and refuses damage before anything is read.
    /// </summary>
    /// <exception cref="ReplayException">As <see cref="Open"/>.</exception>
    public static ReplayStore OpenForForwardRead(StoreSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Kind != StoreKind.Journal)
        {
            return Open(selection);
        }

        JournalDirectoryOf(selection.Location);
        var sequential = Translate(selection, () => SequentialJournalReader.TryOpen(new JournalOptions(selection.Location)));
        return sequential is null ? Open(selection) : new ReplayStore(selection, sequential) { Head = sequential.HeadPosition };
    }

    /// <summary>The recorded time of the store's first event, or null when it is empty.</summary>
    public DateTimeOffset? FirstRecordedTime()
    {
        if (_sequential is { } sequential)
        {
            DateTimeOffset? time = null;
            Read(() => sequential.ReadAllViews(GlobalPosition.Start, 1, (in RecordedEventView view) => time = view.RecordedTime));
            return time;
        }

        return Read(() => Journal.ReadAll(GlobalPosition.Start, Direction.Forwards, 1).FirstOrDefault())?.RecordedTime;
    }

    /// <summary>Runs a read, turning store failures into one-line errors.</summary>
    public T Read<T>(Func<T> read) => Translate(Selection, read);

    /// <inheritdoc />
    public void Dispose()
    {
        _sequential?.Dispose();
        _journal?.Dispose();
    }

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
