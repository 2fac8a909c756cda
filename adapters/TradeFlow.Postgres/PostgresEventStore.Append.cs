using Npgsql;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Postgres.Writing;

namespace TradeFlow.Postgres;

public sealed partial class PostgresEventStore
{
    // One transaction per commit: lock the head row (the append lock), read each stream's version, decide every
    // stream with AppendRule, write the new rows, advance the head and notify — all committed together or not at all.
    private async ValueTask<MultiAppendResult> AppendCoreAsync(IReadOnlyList<StreamAppend> appends, AppendResult[] results, bool async, CancellationToken cancellationToken)
    {
        Validate(appends, results);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var connection = await Db.OpenAsync(_dataSource, async, cancellationToken).ConfigureAwait(false);
        var rows = Interlocked.Exchange(ref _spareRows, null) ?? new List<PendingEvent>();
        try
        {
            var transaction = await Db.BeginAsync(connection, async, cancellationToken).ConfigureAwait(false);
            try
            {
                var (head, versions) = await LockAndReadVersionsAsync(connection, appends, async, cancellationToken).ConfigureAwait(false);
                var windows = await ReadIdWindowsAsync(connection, appends, versions, async, cancellationToken).ConfigureAwait(false);
                var conflict = Decide(appends, versions, windows, head, results, rows);
                if (conflict >= 0)
                {
                    await Db.RollbackAsync(transaction, async).ConfigureAwait(false);
                    return MultiAppendResult.Failed(conflict, results[conflict]);
                }

                var newHead = head + rows.Count;
                if (rows.Count > 0)
                {
                    await _writer.WriteAsync(connection, rows, async, cancellationToken).ConfigureAwait(false);
                    await AdvanceHeadAsync(connection, newHead, async, cancellationToken).ConfigureAwait(false);
                }

                if (BeforeCommit is { } hook)
                {
                    await hook(connection.ProcessID).ConfigureAwait(false);
                }

                await Db.CommitAsync(transaction, async, cancellationToken).ConfigureAwait(false);
                return MultiAppendResult.Success(results.AsMemory(0, appends.Count), GlobalPosition.FromInt64(newHead));
            }
            finally
            {
                await Db.DisposeAsync(transaction, async).ConfigureAwait(false);
            }
        }
        finally
        {
            await Db.DisposeAsync(connection, async).ConfigureAwait(false);
            ReturnRows(rows);
        }
    }

    // A row holds a copy of its EventData (~150 bytes), so a fresh list growing to a 1,000-event commit was ~390 B of
    // garbage per event. One list is kept for the next commit: appends to a store are serialised by the head lock,
    // so a second one exists only while another append of this process waits for it. Clear() drops the payload
    // references; a list grown by an exceptional commit is not kept.
    private void ReturnRows(List<PendingEvent> rows)
    {
        rows.Clear();
        if (rows.Capacity <= MaxPooledRows)
        {
            Volatile.Write(ref _spareRows, rows);
        }
    }

    private static void Validate(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        AppendRule.ValidateDistinctStreams(appends);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, appends.Count, nameof(results));
        foreach (var append in appends)
        {
            AppendRule.ValidateEvents(append.Stream, append.Events.Span);
        }
    }

    // Decides every stream in order and assigns positions to what is written; returns the first conflict's index, or -1.
    private static int Decide(IReadOnlyList<StreamAppend> appends, long[] versions, StreamIdWindow[] windows, long head, AppendResult[] results, List<PendingEvent> rows)
    {
        var next = head + 1;
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            var current = versions[i];
            var events = append.Events.Span;
            switch (AppendRule.Decide(append.Expected, current, events, ref windows[i], out var lastVersion))
            {
                case AppendDecisionKind.Conflict:
                    results[i] = AppendResult.WrongExpectedVersion(append.Stream, append.Expected, current);
                    return i;
                case AppendDecisionKind.AlreadyWritten:
                    var position = GlobalPosition.FromInt64(windows[i].PositionAt(lastVersion));
                    results[i] = AppendResult.Success(append.Stream, append.Expected, lastVersion, position, alreadyWritten: true);
                    break;
                case AppendDecisionKind.Write when events.Length == 0:
                    results[i] = AppendResult.Success(append.Stream, append.Expected, current, GlobalPosition.FromInt64(head));
                    break;
                default:
                    for (var j = 0; j < events.Length; j++)
                    {
                        rows.Add(new PendingEvent(next++, append.Stream, current + 1 + j, events[j]));
                    }

                    results[i] = AppendResult.Success(append.Stream, append.Expected, current + events.Length, GlobalPosition.FromInt64(next - 1));
                    break;
            }
        }

        return -1;
    }

    // The head row lock serialises appends: it is held until COMMIT, and PostgreSQL releases locks only after the
    // commit is visible, so the next appender's statements (fresh snapshots under READ COMMITTED) see every event
    // committed before it. Reading the stream versions after the lock, in the same round trip, makes them current.
    private async ValueTask<(long Head, long[] Versions)> LockAndReadVersionsAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, bool async, CancellationToken cancellationToken)
    {
        var streams = new string[appends.Count];
        for (var i = 0; i < streams.Length; i++)
        {
            streams[i] = appends[i].Stream;
        }

        var batch = new NpgsqlBatch(connection);
        try
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(_sql.LockHead));
            var versionsCommand = new NpgsqlBatchCommand(_sql.StreamVersions);
            versionsCommand.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streams });
            batch.BatchCommands.Add(versionsCommand);
            var reader = await Db.ReaderAsync(batch, async, cancellationToken).ConfigureAwait(false);
            try
            {
                await Db.ReadAsync(reader, async, cancellationToken).ConfigureAwait(false);
                var head = reader.GetInt64(0);
                await Db.NextResultAsync(reader, async, cancellationToken).ConfigureAwait(false);
                var versions = new long[streams.Length];
                for (var i = 0; await Db.ReadAsync(reader, async, cancellationToken).ConfigureAwait(false); i++)
                {
                    versions[i] = reader.GetInt64(0);
                }

                return (head, versions);
            }
            finally
            {
                await Db.DisposeAsync(reader, async).ConfigureAwait(false);
            }
        }
        finally
        {
            await Db.DisposeAsync(batch, async).ConfigureAwait(false);
        }
    }

    private async ValueTask AdvanceHeadAsync(NpgsqlConnection connection, long newHead, bool async, CancellationToken cancellationToken)
    {
        // NOTIFY is transactional: listeners hear of the commit only once it is visible, and never of a rollback.
        var command = new NpgsqlCommand(_sql.AdvanceHead, connection);
        try
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = newHead });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _options.Channel });
            await Db.ExecuteAsync(command, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await Db.DisposeAsync(command, async).ConfigureAwait(false);
        }
    }

    // Fetches, in one round trip, the versions AppendRule may look at for a retry check (usually none at all).
    private async ValueTask<StreamIdWindow[]> ReadIdWindowsAsync(NpgsqlConnection connection, IReadOnlyList<StreamAppend> appends, long[] versions, bool async, CancellationToken cancellationToken)
    {
        var windows = new StreamIdWindow[appends.Count];
        var batch = new NpgsqlBatch(connection);
        var wanted = new List<(int Index, long First, long Last)>();
        try
        {
            for (var i = 0; i < appends.Count; i++)
            {
                windows[i] = StreamIdWindow.None;
                if (StreamIdWindow.For(appends[i].Expected, versions[i], appends[i].Events.Length, out var first, out var last))
                {
                    var command = new NpgsqlBatchCommand(_sql.EventIds);
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = appends[i].Stream });
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = first });
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });
                    batch.BatchCommands.Add(command);
                    wanted.Add((i, first, last));
                }
            }

            if (wanted.Count > 0)
            {
                await ReadWindowsAsync(batch, wanted, windows, async, cancellationToken).ConfigureAwait(false);
            }

            return windows;
        }
        finally
        {
            await Db.DisposeAsync(batch, async).ConfigureAwait(false);
        }
    }

    private static async ValueTask ReadWindowsAsync(NpgsqlBatch batch, List<(int Index, long First, long Last)> wanted, StreamIdWindow[] windows, bool async, CancellationToken cancellationToken)
    {
        var reader = await Db.ReaderAsync(batch, async, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (index, first, last) in wanted)
            {
                var ids = new Guid[last - first + 1];
                var positions = new long[ids.Length];
                while (await Db.ReadAsync(reader, async, cancellationToken).ConfigureAwait(false))
                {
                    var at = reader.GetInt64(0) - first;
                    ids[at] = reader.GetGuid(1);
                    positions[at] = reader.GetInt64(2);
                }

                windows[index] = new StreamIdWindow(first, ids, positions);
                await Db.NextResultAsync(reader, async, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await Db.DisposeAsync(reader, async).ConfigureAwait(false);
        }
    }
}
