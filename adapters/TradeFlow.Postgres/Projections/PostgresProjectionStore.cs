using System.Text;
using Npgsql;
using NpgsqlTypes;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres.Schema;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Postgres.Projections;

/// <summary>
/// Projection snapshots in PostgreSQL: one row per projection in <c>{schema}.projections</c>, beside the events.
/// A save is one statement — <c>INSERT … ON CONFLICT DO NOTHING</c> for the first, <c>UPDATE … WHERE version
/// AND position</c> after — so state and checkpoint change together or not at all, and two runners of one
/// projection cannot both advance it. The state is kept as <c>json</c> (its exact canonical text) and its
/// SHA-256 is checked on load. Thread-safe; owns its connection pool.
/// </summary>
public sealed class PostgresProjectionStore : IProjectionStore, IAsyncDisposable, IDisposable
{
    // Strict: a state that is not valid UTF-8 is refused on save rather than silently altered.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ProjectionSql _sql;

    private PostgresProjectionStore(NpgsqlDataSource dataSource, string schema)
    {
        _dataSource = dataSource;
        _sql = new ProjectionSql(schema);
        Schema = schema;
    }

    /// <summary>The schema holding the projections table.</summary>
    public string Schema { get; }

    /// <summary>
    /// Opens the store in <paramref name="options"/>' schema (the same schema and migrations as the event store),
    /// applying the migrations first unless <see cref="PostgresEventStoreOptions.ApplyMigrations"/> is off.
    /// </summary>
    public static async Task<PostgresProjectionStore> OpenAsync(PostgresEventStoreOptions options, CancellationToken cancellationToken = default)
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

            return new PostgresProjectionStore(dataSource, options.Schema);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<ProjectionSnapshot?> LoadAsync(string projectionName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectionName);
        var command = _dataSource.CreateCommand(_sql.Load);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = projectionName });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSnapshot(projectionName, reader) : null;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<ProjectionSaveResult> SaveAsync(ProjectionSnapshot snapshot, ExpectedCheckpoint expected,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.Name, nameof(snapshot));
        var command = _dataSource.CreateCommand(expected.Exists ? _sql.Update : _sql.Insert);
        await using (command.ConfigureAwait(false))
        {
            AddSnapshotParameters(command, snapshot);
            if (expected.Exists)
            {
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expected.Version });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected.Position.Value });
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return new ProjectionSaveResult(true, snapshot.Token);
            }
        }

        return new ProjectionSaveResult(false, await TokenAsync(snapshot.Name, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Closes the pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static void AddSnapshotParameters(NpgsqlCommand command, ProjectionSnapshot snapshot)
    {
        string state;
        try
        {
            state = Utf8.GetString(snapshot.State.Span);
        }
        catch (DecoderFallbackException error)
        {
            throw new ArgumentException($"Projection {snapshot.Name}: the state is not UTF-8 JSON.", nameof(snapshot), error);
        }

        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = snapshot.Name });
        p.Add(new NpgsqlParameter<int> { TypedValue = snapshot.Version });
        p.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Checkpoint.Value });
        p.Add(new NpgsqlParameter<long> { TypedValue = snapshot.LastRecordedTime.UtcTicks });
        p.Add(new NpgsqlParameter<short> { TypedValue = checked((short)snapshot.LastRecordedTime.Offset.TotalMinutes) });
        p.Add(new NpgsqlParameter<string> { TypedValue = snapshot.StateHash });
        p.Add(new NpgsqlParameter<string> { TypedValue = state, NpgsqlDbType = NpgsqlDbType.Json });
    }

    private ProjectionSnapshot ReadSnapshot(string name, NpgsqlDataReader reader)
    {
        var version = reader.GetInt32(0);
        var position = GlobalPosition.FromInt64(reader.GetInt64(1));
        var offset = TimeSpan.FromMinutes(reader.GetInt16(3));
        var recorded = new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero).ToOffset(offset);
        var hash = reader.GetString(4);
        var state = Utf8.GetBytes(reader.GetString(5));
        var actual = StateHash.OfBytes(state);
        if (!string.Equals(actual, hash, StringComparison.Ordinal))
        {
            throw new ProjectionStoreCorruptException(
                $"{_sql.Table}, projection '{name}' at checkpoint {position}: the state hash is {actual}, the row says {hash}; " +
                "the state was altered outside TradeFlow. Delete the row to rebuild the projection from the events.");
        }

        return new ProjectionSnapshot(name, version, position, recorded, hash, state);
    }

    private async ValueTask<ExpectedCheckpoint> TokenAsync(string name, CancellationToken cancellationToken)
    {
        var command = _dataSource.CreateCommand(_sql.Token);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? ExpectedCheckpoint.At(reader.GetInt32(0), GlobalPosition.FromInt64(reader.GetInt64(1)))
                    : ExpectedCheckpoint.None;
            }
        }
    }
}
