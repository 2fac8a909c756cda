using System.Diagnostics;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>The group commit and what follows it: envelopes for the publish stage, or the fault.</summary>
internal sealed partial class JournalStage
{
    private void Commit()
    {
        if (_appends.Count == 0)
        {
            return;
        }

        try
        {
            if (_results.Length < _appends.Count)
            {
                _results = new AppendResult[Math.Max(_appends.Count, _results.Length * 2)];
            }

            // At most one write waits for the next fsync: one already waiting means this one would share its fsync.
            _progress?.WaitUntilTaken(_previousBatchWritten, _fault);
            var started = Stopwatch.GetTimestamp();
            var result = Append();
            if (!result.IsSuccess)
            {
                // The engine alone writes trade streams and decided against its own state: a conflict means
                // another writer or a diverged state. Stop rather than ack something the store did not take.
                throw new InvalidOperationException(
                    $"The store refused the engine's commit ({result.Conflict}); the engine stops: restart it to recover from the store.");
            }

            Volatile.Write(ref _writes, _writes + 1);
            if (_pipelined is null)
            {
                // The append was the durable commit.
                _figures.Record(Stopwatch.GetTimestamp() - started, _appends.Count);
            }

            _lastWritten = result.LastPosition.Value;
            if (JournalStageCycles.Enabled)
            {
                JournalStageCycles.EndCycle(_threadTime, _batchSlots);
            }

            Distribute(_pipelined is null ? 0 : _lastWritten);
        }
#pragma warning disable CA1031 // Never swallowed: the engine faults and every pending command fails visibly.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex, null);
        }
        finally
        {
            _appends.Clear();
            _pending.Clear();
            _streams.Clear();
            _buffer.Reset();
            ClearData();
        }
    }

    /// <summary>The pending events' chunks allocated so far (tests: a later commit reuses them rather than adding).</summary>
    internal int DataChunks => _dataChunks.Count;

    /// <summary>The pending events the chunks still hold (tests: none between commits, so no payload is kept alive).</summary>
    internal int DataHeld => _dataChunks.Sum(chunk => chunk.Count(data => data.Type is not null));

    // Drops the commit's events (their references: payload slices, strings) and starts again at the first chunk.
    private void ClearData()
    {
        for (var i = 0; i < _dataChunk; i++)
        {
            Array.Clear(_dataChunks[i]);
        }

        Array.Clear(_data, 0, _dataCount);
        _dataChunk = 0;
        _data = _dataChunks[0];
        _dataCount = 0;
    }

    // The commit's write and durable point. Completions that hear of decisions (ICommandDecisionsWritten) are told
    // between the two: what they write then is in the page cache before the fsync starts, so the file system's journal
    // commit that this fsync makes carries their bytes too, and their own fsync finds them committed.
    private MultiAppendResult Append()
    {
        if (_pipelined is not null)
        {
            var result = _pipelined.Write(_appends, _results);
            NotifyWritten();
            return result;
        }

        if (_journal is not IPipelinedEventJournal split)
        {
            // A store that writes and syncs in one call (in memory, PostgreSQL): told before it, so that what the
            // listeners make durable on their side still overlaps this commit.
            NotifyWritten();
            return _journal.AppendMultiple(_appends, _results);
        }

        var traced = JournalStageCycles.Enabled;
        if (_decisionListeners.Count == 0 && !traced)
        {
            return split.AppendMultiple(_appends, _results);
        }

        // The write and the durable point that AppendMultiple makes, apart.
        var written = split.Write(_appends, _results);
        if (written.IsSuccess)
        {
            NotifyWritten();
            if (traced)
            {
                JournalStageCycles.Mark(JournalStageCycleColumn.WriteEnd, _threadTime);
            }

            split.MakeDurable(written.LastPosition);
        }

        return written;
    }

    // Once per listener per commit (and at a batch's end when no commit took their decisions); a listener's exception
    // is reported like a completion's and never stops the commit.
    private void NotifyWritten()
    {
        foreach (var listener in _decisionListeners)
        {
            try
            {
                listener.OnDecisionsWritten();
            }
#pragma warning disable CA1031 // Reported like a completion's exception; one caller's bug must not stop the commit.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onCallbackError?.Invoke(listener, ex);
            }
        }

        _decisionListeners.Clear();
    }

    // Each append holds one event (a command writes at most one event per stream, a commit names a stream
    // once), so result k is event k: its stream version and global position. Every slot of the commit, a duplicate
    // sharing it included, waits for a durable point at or after the commit's written head (0: durable already).
    private void Distribute(long durableAt)
    {
        var k = 0;
        foreach (var slot in _pending)
        {
            slot.Journal.DurableAt = durableAt;
            var command = slot.Command!;
            var events = slot.Decision.Events;
            for (var i = 0; i < events.Length; i++, k++)
            {
                var result = _results[k];
                var data = _appends[k].Events.Span[0];
                slot.Journal.Set(i, new CommittedEvent(events[i].Event, _appends[k].Stream, result.NextExpectedVersion,
                    result.LastPosition, data.EventId, data.RecordedTime, command.SourceKey, slot.Source, slot.Actor));
            }
        }
    }

    private void Fail(Exception failure, CommandSlot? current)
    {
        _fault.Raise(failure);
        foreach (var slot in _pending)
        {
            slot.Journal.Discard();
            slot.Journal.Failure = failure;
        }

        if (current is not null)
        {
            current.Journal.Discard();
            current.Journal.Failure = failure;
        }

        _pending.Clear();
        _appends.Clear();
        _streams.Clear();
        _buffer.Reset();
        ClearData();
    }
}
