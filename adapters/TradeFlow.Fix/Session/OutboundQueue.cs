using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// A session's outbound bytes waiting for the next write, some of them behind <see cref="OutboundGate"/>s: what may be
/// written is everything before the first closed gate (MsgSeqNum order is the wire order) that is also durable in the
/// store (<see cref="MarkDurable"/>). Not thread-safe: the session uses it under its lock.
/// </summary>
/// <remarks>
/// Taking the sendable prefix moves a head offset instead of copying what stays, and the gated entries are a FIFO, so
/// a write costs what it writes even when many answers wait behind their gates (a backlog must not make every write
/// slower, or the queue never drains). The buffer is compacted only when the head has moved past half of it.
/// </remarks>
internal sealed class OutboundQueue
{
    private const int CompactAt = 64 * 1024;
    private Queue<Entry> _gated = new();
    private ArrayBufferWriter<byte> _bytes = new(4096);
    private ArrayBufferWriter<byte> _spare = new(4096);

    // Bytes before _head were taken already; entry offsets are absolute in _bytes.
    private int _head;

    // Positions are also counted over the queue's whole life (_base is that of _bytes[0]), so that a store flush can
    // say "everything queued before position P is durable" while other threads keep appending and taking: the flush
    // reads End before its fsync and marks it after. A change of lengths (voided messages replaced by gap fills) or a
    // drop starts a new generation, and a mark from an older one is ignored (those bytes wait for the next flush).
    private long _base;
    private long _durableEnd;
    private int _generation;

    /// <summary>Writes the replacement of a voided message (its gap fill) into the buffer.</summary>
    public delegate void Replacement(int msgSeqNum, IBufferWriter<byte> output);

    /// <summary>Receives one message.</summary>
    public delegate void MessageAction(ReadOnlySpan<byte> message);

    /// <summary>Bytes queued, sendable or not.</summary>
    public int Length => _bytes.WrittenCount - _head;

    /// <summary>The position just after the last byte queued (counted over the queue's life), for <see cref="MarkDurable"/>.</summary>
    public long End => _base + _bytes.WrittenCount;

    /// <summary>The generation <see cref="End"/> belongs to, for <see cref="MarkDurable"/>.</summary>
    public int Generation => _generation;

    /// <summary>
    /// Everything queued before <paramref name="end"/> (read with <paramref name="generation"/> before a store flush that
    /// has since completed) is durable and may be taken. A mark from an older generation is ignored.
    /// </summary>
    public void MarkDurable(long end, int generation)
    {
        if (generation == _generation && end > _durableEnd)
        {
            _durableEnd = end;
        }
    }

    /// <summary>Queues a message that may go out with the next write.</summary>
    public void Append(ReadOnlySpan<byte> message) => _bytes.Write(message);

    /// <summary>Queues message <paramref name="msgSeqNum"/> behind <paramref name="gate"/>.</summary>
    public void AppendGated(ReadOnlySpan<byte> message, int msgSeqNum, OutboundGate gate)
    {
        _gated.Enqueue(new Entry(_bytes.WrittenCount, message.Length, msgSeqNum, gate));
        _bytes.Write(message);
    }

    /// <summary>
    /// Moves everything durable before the first closed gate into <paramref name="output"/> (which must be empty); each
    /// gated message that goes (its gate is open) is also handed to <paramref name="released"/>. With no gate in the
    /// queue and everything durable the buffers are swapped, not copied (the common path). Returns false when bytes
    /// before the first closed gate stayed because they are not durable yet (a flush is still to come for them).
    /// </summary>
    public bool TakeSendable(ref ArrayBufferWriter<byte> output, MessageAction released)
    {
        var durable = (int)Math.Clamp(_durableEnd - _base, _head, _bytes.WrittenCount);
        if (_gated.Count == 0 && durable == _bytes.WrittenCount)
        {
            TakeAll(ref output);
            return true;
        }

        var cut = _bytes.WrittenCount;
        while (_gated.TryPeek(out var entry))
        {
            if (entry.Gate.IsClosed)
            {
                cut = entry.Offset;
                break;
            }

            if (entry.Offset + entry.Length > durable)
            {
                break;
            }

            released(_bytes.WrittenSpan.Slice(entry.Offset, entry.Length));
            _gated.Dequeue();
        }

        var complete = cut <= durable;
        cut = Math.Min(cut, durable);
        output.Write(_bytes.WrittenSpan[_head..cut]);
        _head = cut;
        if (_gated.Count == 0 && _head == _bytes.WrittenCount)
        {
            Reset();
        }
        else if (_head > CompactAt && _head > _bytes.WrittenCount / 2)
        {
            Rebuild(static (_, _) => { });
        }

        return complete;
    }

    private void TakeAll(ref ArrayBufferWriter<byte> output)
    {
        if (_head == 0)
        {
            _base += _bytes.WrittenCount;
            (_bytes, output) = (output, _bytes);
        }
        else
        {
            output.Write(_bytes.WrittenSpan[_head..]);
            Reset();
        }
    }

    /// <summary>Replaces every message whose gate is void by <paramref name="replacement"/> (its gap fill); they are plain bytes from then on.</summary>
    public void ReplaceVoided(Replacement replacement)
    {
        if (_gated.Any(static e => e.Gate.IsVoid))
        {
            Rebuild(replacement);
        }
    }

    /// <summary>
    /// When nothing is queued, replaces buffers grown past <paramref name="capacity"/> (by a backlog for a counterparty
    /// that fell behind) with small ones, so the session does not keep that memory for its lifetime.
    /// </summary>
    public void ShrinkIfEmpty(int capacity)
    {
        if (Length != 0 || _gated.Count != 0)
        {
            return;
        }

        Reset();
        if (_bytes.Capacity > capacity)
        {
            _bytes = new ArrayBufferWriter<byte>(4096);
        }

        if (_spare.Capacity > capacity)
        {
            _spare = new ArrayBufferWriter<byte>(4096);
        }
    }

    /// <summary>Drops everything (the connection is gone).</summary>
    public void Clear()
    {
        Reset();
        _gated.Clear();
        _generation++;
        _durableEnd = _base;
    }

    private void Reset()
    {
        _base += _bytes.WrittenCount;
        _bytes.ResetWrittenCount();
        _head = 0;
    }

    // Copies what is still queued to the front of a fresh buffer, replacing voided messages on the way. Without a
    // replacement every position is kept; with one, the lengths change, so a new generation starts and nothing after
    // the head counts as durable until the next flush marks it.
    private void Rebuild(Replacement replacement)
    {
        _spare.ResetWrittenCount();
        var from = _head;
        var replaced = false;
        var kept = new Queue<Entry>(_gated.Count);
        foreach (var entry in _gated)
        {
            _spare.Write(_bytes.WrittenSpan[from..entry.Offset]);
            from = entry.Offset + entry.Length;
            if (entry.Gate.IsVoid)
            {
                replacement(entry.MsgSeqNum, _spare);
                replaced = true;
            }
            else
            {
                kept.Enqueue(entry with { Offset = _spare.WrittenCount });
                _spare.Write(_bytes.WrittenSpan.Slice(entry.Offset, entry.Length));
            }
        }

        _spare.Write(_bytes.WrittenSpan[from..]);
        (_bytes, _spare) = (_spare, _bytes);
        _base += _head;
        _head = 0;
        _gated = kept;
        if (replaced)
        {
            _generation++;
            _durableEnd = _base;
        }
    }

    private readonly record struct Entry(int Offset, int Length, int MsgSeqNum, OutboundGate Gate);
}
