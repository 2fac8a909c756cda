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
internal sealed class EventWriter(EventSql sql, bool storeJson, int copyThreshold)
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
            await Db.ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CopyAsync(NpgsqlConnection connection, List<PendingEvent> rows, bool async, CancellationToken cancellationToken)
    {
        var writer = async
            ? await connection.BeginBinaryImportAsync(sql.Copy, cancellationToken).ConfigureAwait(false)
            : connection.BeginBinaryImport(sql.Copy);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                if (async)
                {
                    await CopyRowAsync(writer, row, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    CopyRow(writer, row);
                }
            }

            if (async)
            {
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                writer.Complete();
            }
        }
    }

    private void CopyRow(NpgsqlBinaryImporter writer, in PendingEvent row)
    {
        var d = row.Data;
        writer.StartRow();
        writer.Write(row.Position, NpgsqlDbType.Bigint);
        writer.Write(row.StreamId, NpgsqlDbType.Text);
        writer.Write(row.Version, NpgsqlDbType.Bigint);
        writer.Write(d.EventId, NpgsqlDbType.Uuid);
        writer.Write(d.Type, NpgsqlDbType.Text);
        writer.Write(d.SchemaVersion, NpgsqlDbType.Integer);
        writer.Write(d.RecordedTime.UtcTicks, NpgsqlDbType.Bigint);
        writer.Write(Offset(d.RecordedTime), NpgsqlDbType.Smallint);
        writer.Write(d.EffectiveTime.UtcTicks, NpgsqlDbType.Bigint);
        writer.Write(Offset(d.EffectiveTime), NpgsqlDbType.Smallint);
        WriteNullable(writer, NullIfEmpty(d.CorrelationId), NpgsqlDbType.Uuid);
        WriteNullable(writer, NullIfEmpty(d.CausationId), NpgsqlDbType.Uuid);
        WriteNullable(writer, d.Source, NpgsqlDbType.Text);
        WriteNullable(writer, d.Actor, NpgsqlDbType.Text);
        writer.Write(Bytes(d.Payload), NpgsqlDbType.Bytea);
        WriteNullable(writer, d.Metadata.IsEmpty ? null : Bytes(d.Metadata), NpgsqlDbType.Bytea);
        WriteNullable(writer, Json(row), NpgsqlDbType.Jsonb);
    }

    // The async twin of CopyRow: COPY buffers rows, so most awaits complete synchronously.
    private async ValueTask CopyRowAsync(NpgsqlBinaryImporter writer, PendingEvent row, CancellationToken ct)
    {
        var d = row.Data;
        await writer.StartRowAsync(ct).ConfigureAwait(false);
        await writer.WriteAsync(row.Position, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        await writer.WriteAsync(row.StreamId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await writer.WriteAsync(row.Version, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        await writer.WriteAsync(d.EventId, NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
        await writer.WriteAsync(d.Type, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await writer.WriteAsync(d.SchemaVersion, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
        await writer.WriteAsync(d.RecordedTime.UtcTicks, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        await writer.WriteAsync(Offset(d.RecordedTime), NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
        await writer.WriteAsync(d.EffectiveTime.UtcTicks, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
        await writer.WriteAsync(Offset(d.EffectiveTime), NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
        await WriteNullableAsync(writer, NullIfEmpty(d.CorrelationId), NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
        await WriteNullableAsync(writer, NullIfEmpty(d.CausationId), NpgsqlDbType.Uuid, ct).ConfigureAwait(false);
        await WriteNullableAsync(writer, d.Source, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await WriteNullableAsync(writer, d.Actor, NpgsqlDbType.Text, ct).ConfigureAwait(false);
        await writer.WriteAsync(Bytes(d.Payload), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
        await WriteNullableAsync(writer, d.Metadata.IsEmpty ? null : Bytes(d.Metadata), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
        await WriteNullableAsync(writer, Json(row), NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);

    private string? Json(PendingEvent row) => storeJson ? JsonPayload.ToJsonb(row.Data.Payload.Span) : null;

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
