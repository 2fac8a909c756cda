using System.Data;
using Npgsql;

namespace TradeFlow.Postgres;

/// <summary>
/// One code path for the synchronous face (the engine's journal thread) and the asynchronous one: each
/// helper calls Npgsql's sync or async API according to <c>async</c>, so that with <c>async = false</c> the
/// returned task is already complete and <see cref="RunSync{T}"/> never blocks a thread-pool thread on I/O.
/// </summary>
internal static class Db
{
    public static async ValueTask<NpgsqlConnection> OpenAsync(NpgsqlDataSource source, bool async, CancellationToken cancellationToken) =>
        async ? await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false) : source.OpenConnection();

    public static async ValueTask<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, bool async, CancellationToken cancellationToken) =>
        async
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false)
            : connection.BeginTransaction(IsolationLevel.ReadCommitted);

    public static async ValueTask CommitAsync(NpgsqlTransaction transaction, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            transaction.Commit();
        }
    }

    public static async ValueTask RollbackAsync(NpgsqlTransaction transaction, bool async)
    {
        if (async)
        {
            await transaction.RollbackAsync().ConfigureAwait(false);
        }
        else
        {
            transaction.Rollback();
        }
    }

    public static async ValueTask<int> ExecuteAsync(NpgsqlCommand command, bool async, CancellationToken cancellationToken) =>
        async ? await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteNonQuery();

    public static async ValueTask<int> ExecuteAsync(NpgsqlBatch batch, bool async, CancellationToken cancellationToken) =>
        async ? await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) : batch.ExecuteNonQuery();

    public static async ValueTask<NpgsqlDataReader> ReaderAsync(NpgsqlCommand command, bool async, CancellationToken cancellationToken) =>
        async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();

    public static async ValueTask<NpgsqlDataReader> ReaderAsync(NpgsqlBatch batch, bool async, CancellationToken cancellationToken) =>
        async ? await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : batch.ExecuteReader();

    public static async ValueTask<bool> ReadAsync(NpgsqlDataReader reader, bool async, CancellationToken cancellationToken) =>
        async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read();

    public static async ValueTask<bool> NextResultAsync(NpgsqlDataReader reader, bool async, CancellationToken cancellationToken) =>
        async ? await reader.NextResultAsync(cancellationToken).ConfigureAwait(false) : reader.NextResult();

    public static async ValueTask DisposeAsync<T>(T resource, bool async)
        where T : IAsyncDisposable, IDisposable
    {
        if (async)
        {
            await resource.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            resource.Dispose();
        }
    }

    /// <summary>The result of a helper chain called with <c>async = false</c>.</summary>
    public static T RunSync<T>(ValueTask<T> task) =>
        task.IsCompleted ? task.GetAwaiter().GetResult() : task.AsTask().GetAwaiter().GetResult();

    /// <summary>Completes a helper chain called with <c>async = false</c>.</summary>
    public static void RunSync(ValueTask task)
    {
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
        }
        else
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }
}
