using Microsoft.Win32.SafeHandles;
using TradeFlow.EventSourcing;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

/// <summary>The durable half of a commit: one fsync covering every write before it, then the readers' head.</summary>
public sealed partial class EventJournal : IPipelinedEventJournal
{
    // Serialises durable points so that the published head only moves forwards; never taken inside _writeLock.
    private readonly Lock _syncLock = new();

    // The fsync (a seam: tests inject a failing one to prove what a failed fsync does).
    private Action<SafeFileHandle> _flush = RandomAccess.FlushToDisk;

    /// <inheritdoc />
    public GlobalPosition WrittenPosition => GlobalPosition.FromInt64(_index.Written);

    /// <summary>Replaces the fsync, for tests that make it fail.</summary>
    internal Action<SafeFileHandle> FlushToDisk
    {
        set => _flush = value;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The target is the written head when the call starts: every write it covers has returned from <c>pwrite</c>
    /// before the fsync starts; neither takes the write lock, so the writer can write the next batch meanwhile. Only the last segment needs it: a segment is synced when it is rolled, before its successor's first
    /// write. With <see cref="JournalDurability.NoFsyncBenchmarkOnly"/> the head is published without an fsync.
    /// </remarks>
    public GlobalPosition MakeDurable(GlobalPosition upTo)
    {
        long target;
        lock (_syncLock)
        {
            if (upTo.Value <= _index.Count)
            {
                return HeadPosition;
            }

            // Not under the write lock, so that a write in progress (encoding, hashing, pwrite) does not hold the fsync
            // back. The written head first, then the segment: a position is staged only after its pwrite returned, and
            // a segment newer than the one holding it exists only after a roll synced its predecessors.
            ThrowIfUnusable();
            target = _index.Written;
            ArgumentOutOfRangeException.ThrowIfGreaterThan(upTo.Value, target, nameof(upTo));
            Sync(Volatile.Read(ref _segments)[^1]);
            _index.PublishUpTo(target);
        }

        Notifier.Publish();
        return GlobalPosition.FromInt64(target);
    }

    // Before a checkpoint or a close (the caller holds _syncLock and _writeLock): makes every pending write durable,
    // because the checkpoint records the streams' positions, which must not include a write that was never synced.
    // Returns false when there was something to publish (the caller wakes subscribers once the locks are released).
    private bool SyncWrittenLocked()
    {
        var written = _index.Written;
        if (written == _index.Count)
        {
            return true;
        }

        Sync(Volatile.Read(ref _segments)[^1]);
        _index.PublishUpTo(written);
        return false;
    }

    private void Sync(SegmentFile segment)
    {
        if (_options.Durability != JournalDurability.EveryBatch)
        {
            return;
        }

        try
        {
            _flush(segment.Handle);
        }
        catch (Exception e)
        {
            // fsyncgate: after a failed fsync the kernel may have dropped the dirty pages and will not report it
            // again, so nothing written since the last durable point can be trusted. Poison the journal: no later
            // write or durable point succeeds, and what reached the disk is recovery's to decide on reopen.
            Interlocked.CompareExchange(ref _fault, e, null);
            throw;
        }
    }
}
