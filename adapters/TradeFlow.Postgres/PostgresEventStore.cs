using Npgsql;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres.Schema;
using TradeFlow.Postgres.Writing;

namespace TradeFlow.Postgres;

/// <summary>
/// The PostgreSQL event store: the same contract as the embedded journal (<see cref="IEventStore"/> and the
/// synchronous <see cref="IEventJournal"/>), in one schema of a real database. Appends serialise on the schema's
/// head row, which makes positions dense and commit order equal position order, so readers never need to wait
/// for gaps (see <c>docs/postgres.md</c>). Thread-safe; owns its connection pool.
/// </summary>
public sealed partial class PostgresEventStore : IEventStore, IEventJournal
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStoreOptions _options;
    private readonly EventSql _sql;
    private readonly EventWriter _writer;
    private readonly DeferredJsonFill? _fill;

    // The rows list kept for the next append (PostgresEventStore.Append.cs), up to this many rows (~1.5 MB).
    private const int MaxPooledRows = 10_000;
    private List<PendingEvent>? _spareRows;
    private readonly CancellationTokenSource _disposed = new();

    private PostgresEventStore(NpgsqlDataSource dataSource, PostgresEventStoreOptions options)
    {
        _dataSource = dataSource;
        _options = options;
        _sql = new EventSql(options.Schema);
        _writer = new EventWriter(_sql, options.JsonColumn, options.CopyThreshold);
        if (options.JsonColumn == JsonColumn.Deferred && options.RunDeferredFill)
        {
            _fill = DeferredJsonFill.Start(_sql, options, _disposed.Token);
        }
    }

    /// <summary>The options the store was opened with.</summary>
    public PostgresEventStoreOptions Options => _options;

    /// <summary>
    /// The position of the last committed event, read from the head row (one round trip): the high-water mark
    /// below which every position is committed.
    /// </summary>
    public GlobalPosition HeadPosition => GlobalPosition.FromInt64(Db.RunSync(ReadHeadAsync(async: false, CancellationToken.None)));

    /// <summary>A test hook run inside the append transaction right before COMMIT, given the backend's process id.</summary>
    internal Func<int, ValueTask>? BeforeCommit { get; set; }

    /// <summary>Opens the store, applying the schema migrations first unless <see cref="PostgresEventStoreOptions.ApplyMigrations"/> is off.</summary>
    public static async Task<PostgresEventStore> OpenAsync(PostgresEventStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        try
        {
            if (options.ApplyMigrations)
            {
                await SchemaMigrator.MigrateAsync(dataSource, options.Schema, cancellationToken).ConfigureAwait(false);
            }

            return new PostgresEventStore(dataSource, options);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the store synchronously (for the engine's start-up on its own thread).</summary>
    public static PostgresEventStore Open(PostgresEventStoreOptions options) =>
        OpenAsync(options).GetAwaiter().GetResult();

    /// <summary>Applies the schema migrations to <paramref name="options"/>' schema and returns the versions applied (empty when already current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(PostgresEventStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            return await SchemaMigrator.MigrateAsync(dataSource, options.Schema, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<AppendResult> AppendToStreamAsync(string stream, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        var appends = new[] { new StreamAppend(stream, expected, events) };
        var result = await AppendCoreAsync(appends, new AppendResult[1], async: true, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess ? result.Results.Span[0] : result.Conflict;
    }

    /// <inheritdoc />
    public ValueTask<MultiAppendResult> AppendMultipleAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        return AppendCoreAsync(appends, new AppendResult[appends.Count], async: true, cancellationToken);
    }

    /// <inheritdoc />
    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        return AppendMultiple(appends, new AppendResult[appends.Count]);
    }

    /// <inheritdoc />
    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results) =>
        Db.RunSync(AppendCoreAsync(appends, results, async: false, CancellationToken.None));

    /// <inheritdoc />
    public long GetStreamVersion(string stream) => Db.RunSync(StreamVersionAsync(stream, async: false, CancellationToken.None));

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(string stream, CancellationToken cancellationToken = default) =>
        StreamVersionAsync(stream, async: true, cancellationToken);

    /// <summary>Ends every subscription and closes the pool.</summary>
    public void Dispose()
    {
        if (!_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            // The worker's statement is cancelled with it (its transaction rolls back; the checkpoint did not move).
            _fill?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_disposed.IsCancellationRequested)
        {
            await _disposed.CancelAsync().ConfigureAwait(false);
            if (_fill is not null)
            {
                await _fill.DisposeAsync().ConfigureAwait(false);
            }

            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<long> ReadHeadAsync(bool async, CancellationToken cancellationToken)
    {
        var connection = await Db.OpenAsync(_dataSource, async, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ScalarAsync(connection, _sql.Head, null, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Db.DisposeAsync(connection, async).ConfigureAwait(false);
        }
    }

    private async ValueTask<long> StreamVersionAsync(string stream, bool async, CancellationToken cancellationToken)
    {
        StreamName.Validate(stream);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var connection = await Db.OpenAsync(_dataSource, async, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ScalarAsync(connection, _sql.StreamVersion, stream, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Db.DisposeAsync(connection, async).ConfigureAwait(false);
        }
    }

    private static async ValueTask<long> ScalarAsync(NpgsqlConnection connection, string sql, string? argument, bool async, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        try
        {
            if (argument is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = argument });
            }

            var value = async ? await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteScalar();
            return (long)value!;
        }
        finally
        {
            await Db.DisposeAsync(command, async).ConfigureAwait(false);
        }
    }
}
