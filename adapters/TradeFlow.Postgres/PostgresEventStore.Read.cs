using System.Runtime.CompilerServices;
using Npgsql;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres.Reading;

namespace TradeFlow.Postgres;

public sealed partial class PostgresEventStore
{
    /// <inheritdoc />
    public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue)
    {
        StreamName.Validate(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPages(ReadCursor.ForStream(stream, direction, fromVersion, maxCount));
    }

    /// <inheritdoc />
    public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var head = Db.RunSync(ReadHeadAsync(async: false, CancellationToken.None));
        return ReadPages(ReadCursor.ForAll(from, direction, maxCount, head));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        StreamName.Validate(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync(() => new ValueTask<ReadCursor>(ReadCursor.ForStream(stream, direction, fromVersion, maxCount)), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition from, Direction direction, long maxCount = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        return ReadPagesAsync(
            async () => ReadCursor.ForAll(from, direction, maxCount, await ReadHeadAsync(async: true, cancellationToken).ConfigureAwait(false)),
            cancellationToken);
    }

    private IEnumerable<RecordedEvent> ReadPages(ReadCursor cursor)
    {
        while (cursor.HasMore)
        {
            var limit = cursor.PageLimit(_options.PageSize);
            var page = Db.RunSync(ReadPageAsync(cursor, limit, async: false, CancellationToken.None));
            cursor.Advance(page, limit);
            foreach (var recorded in page)
            {
                yield return recorded;
            }
        }
    }

    // The cursor is made when enumeration starts, so a read of all is bounded by the head at that moment.
    private async IAsyncEnumerable<RecordedEvent> ReadPagesAsync(Func<ValueTask<ReadCursor>> start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = await start().ConfigureAwait(false);
        while (cursor.HasMore)
        {
            var limit = cursor.PageLimit(_options.PageSize);
            var page = await ReadPageAsync(cursor, limit, async: true, cancellationToken).ConfigureAwait(false);
            cursor.Advance(page, limit);
            foreach (var recorded in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return recorded;
            }
        }
    }

    private async ValueTask<List<RecordedEvent>> ReadPageAsync(ReadCursor cursor, int limit, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var connection = await Db.OpenAsync(_dataSource, async, cancellationToken).ConfigureAwait(false);
        try
        {
            var command = PageCommand(connection, cursor, limit);
            try
            {
                var page = new List<RecordedEvent>(Math.Min(limit, 256));
                var reader = await Db.ReaderAsync(command, async, cancellationToken).ConfigureAwait(false);
                try
                {
                    while (await Db.ReadAsync(reader, async, cancellationToken).ConfigureAwait(false))
                    {
                        page.Add(EventRowReader.Read(reader));
                    }
                }
                finally
                {
                    await Db.DisposeAsync(reader, async).ConfigureAwait(false);
                }

                return page;
            }
            finally
            {
                await Db.DisposeAsync(command, async).ConfigureAwait(false);
            }
        }
        finally
        {
            await Db.DisposeAsync(connection, async).ConfigureAwait(false);
        }
    }

    private NpgsqlCommand PageCommand(NpgsqlConnection connection, ReadCursor cursor, int limit)
    {
        var forwards = cursor.Direction == Direction.Forwards;
        NpgsqlCommand command;
        if (cursor.Stream is { } stream)
        {
            command = new NpgsqlCommand(forwards ? _sql.ReadStreamForwards : _sql.ReadStreamBackwards, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stream });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Next });
        }
        else
        {
            command = new NpgsqlCommand(forwards ? _sql.ReadAllForwards : _sql.ReadAllBackwards, connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Next });
            if (forwards)
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Bound });
            }
        }

        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = limit });
        return command;
    }
}
