using System.Diagnostics;
using TradeFlow.EventSourcing;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The sync stage, between journal and publish when the store pipelines its commits
/// (<see cref="IPipelinedEventJournal"/>): the journal stage only writes (the bytes reach the page cache) and moves
/// on to the next batch, while this stage makes everything written so far durable with one
/// <see cref="IPipelinedEventJournal.MakeDurable"/> per ring batch — however many of the journal's commits that
/// batch spans — and only then releases the slots to publish. The publish stage is gated on this stage's sequence,
/// so an ack still follows the fsync that covers its bytes. A failed fsync faults the engine and fails every slot
/// it was to cover and every later one that needs durability: nothing written after the last durable point is acked.
/// Writes only <see cref="CommandSlot.DurabilityFailure"/>.
/// </summary>
internal sealed class SyncStage : IEventHandler<CommandSlot>
{
    private readonly IPipelinedEventJournal _journal;
    private readonly EngineFault _fault;
    private readonly CommitFigures _figures;
    private readonly SyncProgress _progress;
    private readonly List<CommandSlot> _waiting = new(256);
    private long _durable;
    private long _target;
    private long _events;
    private Exception? _failure;

    /// <summary>Creates the stage.</summary>
    public SyncStage(IPipelinedEventJournal journal, EngineFault fault, CommitFigures figures, SyncProgress progress)
    {
        _journal = journal;
        _fault = fault;
        _figures = figures;
        _progress = progress;
        _durable = journal.HeadPosition.Value;
    }

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        data.DurabilityFailure = null;
        var needed = data.Journal.DurableAt;
        if (needed > _durable)
        {
            _waiting.Add(data);
            _target = Math.Max(_target, needed);
            _events += data.Journal.Count;
        }

        if (endOfBatch)
        {
            Sync();
        }
    }

    private void Sync()
    {
        if (_waiting.Count == 0)
        {
            return;
        }

        // Taken before the fsync starts: the journal stage may write its next batch while it runs.
        _progress.Take(_target);

        // After a failed fsync the store is poisoned: do not ask it again (a store that did not poison itself must
        // not get a second chance to ack bytes written before the failure); fail what waits.
        if (_failure is null)
        {
            MakeDurable();
        }

        if (_failure is not null)
        {
            foreach (var slot in _waiting)
            {
                slot.DurabilityFailure = _failure;
            }
        }

        _waiting.Clear();
        _events = 0;
    }

    private void MakeDurable()
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            _durable = _journal.MakeDurable(GlobalPosition.FromInt64(_target)).Value;
            _figures.Record(Stopwatch.GetTimestamp() - started, _events);

            // The durable head may be beyond the target: the fsync covered every write made before it, including one
            // whose slots this stage has not seen yet — and will skip as durable. A journal write waiting on that one
            // must hear it now, or it would wait for a Take that never comes.
            _progress.Take(_durable);
        }
#pragma warning disable CA1031 // Never swallowed: the engine faults and every command the fsync was to cover fails visibly.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ex;
            _fault.Raise(ex);
        }
    }
}
