using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TradeFlow.Domain.Time;
using TradeFlow.Engine.Journaling;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The journal stage: serializes each decided event into a reused buffer, and appends the batch with one
/// multi-stream durable commit at the end of the ring batch (group commit: the batch is as large as the
/// journal is behind). A stream may appear only once per commit, so when a command touches a stream that is
/// already in the pending commit (a booking and its amendment in one batch), the pending part is committed
/// first — the global order therefore always equals the decision order. A store failure faults the engine:
/// every uncommitted command fails, nothing is acked. Writes only <see cref="CommandSlot.Journal"/>.
/// When the store pipelines its commits (<see cref="IPipelinedEventJournal"/>) a commit here is only the write, and
/// each slot carries the position that must be durable before its ack (<see cref="JournalOutput.DurableAt"/>) to the
/// sync stage, which makes it durable while this stage serializes and writes the next batch.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The metadata writer holds no unmanaged resource; it is disposed in OnShutdown, on the stage's own thread.")]
internal sealed partial class JournalStage : IEventHandler<CommandSlot>
{
    private readonly IEventJournal _journal;
    private readonly IPipelinedEventJournal? _pipelined;
    private readonly CommitFigures _figures;
    private readonly SyncProgress? _progress;
    private readonly IEventSerializer _serializer;
    private readonly IClock _clock;
    private readonly EngineFault _fault;
    private readonly Action<object, Exception>? _onCallbackError;
    private readonly PayloadBuffer _buffer = new();
    private readonly Utf8JsonWriter _metadataWriter;
    private readonly List<StreamAppend> _appends = new(256);
    private readonly List<CommandSlot> _pending = new(256);
    private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
    // The completions told of a decision since the last commit's write (ICommandDecisionsWritten): usually one gateway.
    private readonly List<ICommandDecisionsWritten> _decisionListeners = new(4);
    // The pending events, in reused chunks of 256 (small objects: an array doubled per commit size was a large
    // object from ~600 events up); each append slices one element of a chunk, so a chunk never moves.
    private const int DataChunk = 256;
    private readonly List<EventData[]> _dataChunks = [new EventData[DataChunk]];
    private int _dataChunk;
    private EventData[] _data;
    private AppendResult[] _results = new AppendResult[256];
    private int _dataCount;
    private DateTimeOffset _recordedTime;

    /// <summary>Creates the stage; <paramref name="progress"/> is given when the journal pipelines its commits (a sync stage follows).</summary>
    public JournalStage(IEventJournal journal, IEventSerializer serializer, IClock clock, EngineFault fault,
        CommitFigures figures, SyncProgress? progress, Action<object, Exception>? onCallbackError = null)
    {
        _journal = journal;
        _pipelined = progress is null ? null : (IPipelinedEventJournal)journal;
        _progress = progress;
        _figures = figures;
        _serializer = serializer;
        _clock = clock;
        _fault = fault;
        _onCallbackError = onCallbackError;
        _metadataWriter = new Utf8JsonWriter(_buffer);
        _data = _dataChunks[0];
    }

    private long _writes;

    // The written head after this stage's last write, and as it stood at the end of the previous ring batch (the
    // writes whose slots the sync stage can already see: only on those may a write wait, see SyncProgress).
    private long _lastWritten;
    private long _previousBatchWritten;

    // Diagnostics only (JournalStageCycles): this thread's scheduler counters and the ring batch's size.
    private JournalStageThreadTime? _threadTime;
    private long _batchSlots;

    /// <summary>The store's commits (writes, when pipelined) made so far, for diagnostics and benchmarks; readable from any thread.</summary>
    public long Writes => Volatile.Read(ref _writes);

    /// <inheritdoc/>
    public void OnBatchStart(long batchSize)
    {
        if (JournalStageCycles.Enabled)
        {
            _threadTime ??= new JournalStageThreadTime();
            _batchSlots = batchSize;
            JournalStageCycles.Mark(JournalStageCycleColumn.Start, _threadTime);
        }
    }

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        var decision = data.Decision;
        var journal = data.Journal;
        journal.Reset(decision.Count);
        try
        {
            if (_fault.Fault is { } fault)
            {
                journal.Failure = fault;
            }
            else if (decision.Count > 0)
            {
                Stage(data);
            }
            else if (_appends.Count > 0)
            {
                // Nothing to write (a duplicate, whose original may be in this very commit): it shares the commit's
                // fate, so a failed commit fails it too instead of acknowledging an outcome that never became durable.
                _pending.Add(data);
            }
            else if (_pipelined is not null)
            {
                // Its original may be written and still waiting for its fsync: the duplicate waits for the same one
                // (everything written so far), and shares its fate if that fsync fails.
                journal.DurableAt = _pipelined.WrittenPosition.Value;
            }
        }
#pragma warning disable CA1031 // Serialization failed after the state changed: fault the engine, fail what is pending.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex, data);
        }

        NotifyDecided(data);
        if (endOfBatch)
        {
            if (JournalStageCycles.Enabled)
            {
                JournalStageCycles.Mark(JournalStageCycleColumn.CommitStart, _threadTime);
            }

            Commit();
            _previousBatchWritten = _lastWritten;
            if (_decisionListeners.Count > 0)
            {
                // Decided with nothing to write (duplicates), a failed commit, or a store that cannot split its commit.
                NotifyWritten();
            }
        }
    }

    // Before the commit (ICommandDecision): a caller may prepare the reply while the fsync runs. Only a decided,
    // not yet failed command; a duplicate (nothing to write) is decided too.
    private void NotifyDecided(CommandSlot data)
    {
        if (data.Completion is not ICommandDecision listener || data.Journal.Failure is not null
            || data.Decision.Outcome.Status is not (CommandStatus.Accepted or CommandStatus.Rejected))
        {
            return;
        }

        try
        {
            listener.OnDecided(data.Token, data.Decision.Outcome);
            if (listener is ICommandDecisionsWritten written && !_decisionListeners.Contains(written))
            {
                _decisionListeners.Add(written);
            }
        }
#pragma warning disable CA1031 // Reported like a completion's exception; one caller's bug must not stop the commit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onCallbackError?.Invoke(listener, ex);
        }
    }

    /// <inheritdoc/>
    public void OnShutdown()
    {
        _metadataWriter.Dispose();
        _threadTime?.Dispose();
    }

    private void Stage(CommandSlot slot)
    {
        var events = slot.Decision.Events;
        if (!AddStreams(events))
        {
            // A stream already pending: commit what is pending (which forgets its streams), then claim this
            // command's streams afresh.
            Commit();
            if (_fault.Fault is { } fault)
            {
                slot.Journal.Failure = fault;
                return;
            }

            AddStreams(events);
        }

        if (_appends.Count == 0)
        {
            // One recorded time per commit: the events became known to the bank together.
            _recordedTime = _clock.UtcNow;
        }

        var command = slot.Command!;
        var firstId = Guid.Empty;
        for (var i = 0; i < events.Length; i++)
        {
            var id = EventIds.For(command.SourceKey, i);
            firstId = i == 0 ? id : firstId;
            Add(slot, events[i], i, id, firstId);
        }

        _pending.Add(slot);
    }

    private void Add(CommandSlot slot, in PendingEvent pending, int index, Guid eventId, Guid commandId)
    {
        var evt = pending.Event;
        _buffer.Begin();
        var (type, schemaVersion) = _serializer.Serialize(evt, _buffer);
        var payload = _buffer.End();
        _buffer.Begin();
        _metadataWriter.Reset(_buffer);
        EventMetadata.Write(_metadataWriter, slot.Command!.SourceKey, slot.Decision.Kind, index, slot.Decision.Warnings);
        var metadata = _buffer.End();

        if (_dataCount == _data.Length)
        {
            // Earlier appends keep slicing the chunks before, untouched until the commit; new events go to the next.
            if (++_dataChunk == _dataChunks.Count)
            {
                _dataChunks.Add(new EventData[DataChunk]);
            }

            _data = _dataChunks[_dataChunk];
            _dataCount = 0;
        }

        var slotIndex = _dataCount++;
        _data[slotIndex] = new EventData(eventId, type, schemaVersion, payload, _recordedTime, evt.EffectiveTime)
        {
            // The command's first event id stands for the command: it correlates and causes all its events.
            CorrelationId = commandId,
            CausationId = commandId,
            Source = slot.Source,
            Actor = slot.Actor,
            Metadata = metadata,
        };
        _appends.Add(new StreamAppend(pending.Stream, pending.Expected, _data.AsMemory(slotIndex, 1)));
    }

    // Claims the command's streams for the pending commit: false when one is already in it. One set operation
    // (one hash of the name) per event, where a lookup and then an add were two; the streams claimed before a
    // refusal are forgotten by the commit that follows.
    private bool AddStreams(ReadOnlySpan<PendingEvent> events)
    {
        var added = true;
        foreach (var pending in events)
        {
            added &= _streams.Add(pending.Stream);
        }

        return added;
    }
}
