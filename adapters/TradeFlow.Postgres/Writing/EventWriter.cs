using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace TradeFlow.Postgres.Writing;

/// <summary>
/// Writes a commit's events inside the appending transaction: a multi-row INSERT over <c>unnest</c> of column
/// arrays for small commits (one statement text whatever the count, so Npgsql's prepared-statement cache keeps
/// hitting), binary COPY straight into <c>events</c> for large ones. Both run after the head lock is taken and
/// the expectations are decided, so COPY keeps every guarantee of the INSERT path: the transaction that holds
/// the lock gave the rows their positions and versions, the unique (stream_id, version) constraint still checks
/// every row, and an error or a dropped connection rolls the whole commit back — nothing is staged.
/// </summary>
internal sealed class EventWriter(EventSql sql, JsonColumn json, int copyThreshold)
{
    public async ValueTask WriteAsync(NpgsqlConnection connection, List<PendingEvent> rows, bool async, CancellationToken cancellationToken)
    {
        if (rows.Count >= copyThreshold)
        {
            await CopyAsync(connection, rows, async, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await InsertAsync(connection, rows, async, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask InsertAsync(NpgsqlConnection connection, List<PendingEvent> rows, bool async, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql.Insert, connection);
        await using (command.ConfigureAwait(false))
        {
            var n = rows.Count;
            var p = command.Parameters;
            p.Add(new NpgsqlParameter<long[]> { TypedValue = Column(rows, n, r => r.Position) });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = Column(rows, n, r => r.StreamId) });
            p.Add(new NpgsqlParameter<long[]> { TypedValue = Column(rows, n, r => r.Version) });
            p.Add(new NpgsqlParameter<Guid[]> { TypedValue = Column(rows, n, r => r.Data.EventId) });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = Column(rows, n, r => r.Data.Type) });
            p.Add(new NpgsqlParameter<int[]> { TypedValue = Column(rows, n, r => r.Data.SchemaVersion) });
            p.Add(new NpgsqlParameter<long[]> { TypedValue = Column(rows, n, r => r.Data.RecordedTime.UtcTicks) });
            p.Add(new NpgsqlParameter<short[]> { TypedValue = Column(rows, n, r => Offset(r.Data.RecordedTime)) });
            p.Add(new NpgsqlParameter<long[]> { TypedValue = Column(rows, n, r => r.Data.EffectiveTime.UtcTicks) });
            p.Add(new NpgsqlParameter<short[]> { TypedValue = Column(rows, n, r => Offset(r.Data.EffectiveTime)) });
            p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = Column(rows, n, r => NullIfEmpty(r.Data.CorrelationId)) });
            p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = Column(rows, n, r => NullIfEmpty(r.Data.CausationId)) });
            p.Add(new NpgsqlParameter<string?[]> { TypedValue = Column(rows, n, r => r.Data.Source) });
            p.Add(new NpgsqlParameter<string?[]> { TypedValue = Column(rows, n, r => r.Data.Actor) });
            p.Add(new NpgsqlParameter<byte[][]> { TypedValue = Column(rows, n, r => Bytes(r.Data.Payload)) });
            p.Add(new NpgsqlParameter<byte[]?[]> { TypedValue = Column(rows, n, r => r.Data.Metadata.IsEmpty ? null : Bytes(r.Data.Metadata)) });
            p.Add(new NpgsqlParameter<string?[]> { TypedValue = Column(rows, n, Json), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            p.Add(new NpgsqlParameter<DateTime[]> { TypedValue = Column(rows, n, r => r.Data.RecordedTime.UtcDateTime), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            p.Add(new NpgsqlParameter<DateTime[]> { TypedValue = Column(rows, n, r => r.Data.EffectiveTime.UtcDateTime), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            p.Add(new NpgsqlParameter<bool?[]> { TypedValue = Column(rows, n, Deferred) });
            await Db.ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        }
    }

    // Rows go out in chunks of about this size while the rest of the batch is still being encoded (16 KB measured
    // a little cheaper for the server than 256 KB, within this machine's noise).
    private const int CopyChunkBytes = 16 * 1024;

    // One encoder kept for the next COPY: appends to one store are serialised by the head lock, so a second one is
    // created only when two appends of different stores in this process copy at the same moment.
    private CopyRowEncoder? _spareEncoder;

    private async ValueTask CopyAsync(NpgsqlConnection connection, List<PendingEvent> rows, bool async, CancellationToken cancellationToken)
    {
        var encoder = Interlocked.Exchange(ref _spareEncoder, null) ?? new CopyRowEncoder(json);
        var stream = async
            ? await connection.BeginRawBinaryCopyAsync(sql.Copy, cancellationToken).ConfigureAwait(false)
            : connection.BeginRawBinaryCopy(sql.Copy);
        try
        {
            encoder.Begin();
            foreach (var row in rows)
            {
                encoder.Row(row);
                if (encoder.Length >= CopyChunkBytes)
                {
                    await SendAsync(stream, encoder, async, cancellationToken).ConfigureAwait(false);
                }
            }

            encoder.End();
            await SendAsync(stream, encoder, async, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // CopyFail: the server discards the rows and the transaction fails, so nothing half-written can commit.
            await CancelQuietlyAsync(stream, async).ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Disposing a stream that was not cancelled sends CopyDone and waits for the server's CommandComplete.
            if (async)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                stream.Dispose();
            }

            encoder.Clear();
            Volatile.Write(ref _spareEncoder, encoder);
        }
    }

    private static async ValueTask SendAsync(NpgsqlRawCopyStream stream, CopyRowEncoder encoder, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await stream.WriteAsync(encoder.Written, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stream.Write(encoder.Written.Span);
        }

        encoder.Clear();
    }

    private static async ValueTask CancelQuietlyAsync(NpgsqlRawCopyStream stream, bool async)
    {
        try
        {
            if (async)
            {
                await stream.CancelAsync().ConfigureAwait(false);
            }
            else
            {
                stream.Cancel();
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // The connection is already broken: the transaction cannot commit either way.
        }
    }

    private string? Json(PendingEvent row) => json == JsonColumn.Inline ? JsonPayload.ToJsonb(row.Data.Payload.Span) : null;

    // data_deferred: true marks a JSON payload whose jsonb copy the fill writes later; NULL when there is nothing to fill.
    private bool? Deferred(PendingEvent row) => json == JsonColumn.Deferred && JsonPayload.IsJsonbSafe(row.Data.Payload.Span) ? true : null;

    private static T[] Column<T>(List<PendingEvent> rows, int count, Func<PendingEvent, T> select)
    {
        var column = new T[count];
        for (var i = 0; i < count; i++)
        {
            column[i] = select(rows[i]);
        }

        return column;
    }

    // DateTimeOffset offsets are whole minutes within ±14 hours, so a smallint holds them exactly.
    private static short Offset(DateTimeOffset time) => (short)(time.Offset.Ticks / TimeSpan.TicksPerMinute);

    private static Guid? NullIfEmpty(Guid id) => id == Guid.Empty ? null : id;

    // Npgsql writes bytea from byte[]; reuse the caller's array when the memory is exactly one, else copy.
    private static byte[] Bytes(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();
}
