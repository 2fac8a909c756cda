using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// A session's outbound bytes waiting for the next write, some of them behind <see cref="OutboundGate"/>s: what may be
/// written is everything before the first closed gate (MsgSeqNum order is the wire order). Not thread-safe: the session
/// uses it under its lock.
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

    /// <summary>Writes the replacement of a voided message (its gap fill) into the buffer.</summary>
    public delegate void Replacement(int msgSeqNum, IBufferWriter<byte> output);

    /// <summary>Receives one message.</summary>
    public delegate void MessageAction(ReadOnlySpan<byte> message);

    /// <summary>Bytes queued, sendable or not.</summary>
    public int Length => _bytes.WrittenCount - _head;

    /// <summary>Queues a message that may go out with the next write.</summary>
    public void Append(ReadOnlySpan<byte> message) => _bytes.Write(message);

    /// <summary>Queues message <paramref name="msgSeqNum"/> behind <paramref name="gate"/>.</summary>
    public void AppendGated(ReadOnlySpan<byte> message, int msgSeqNum, OutboundGate gate)
    {
        _gated.Enqueue(new Entry(_bytes.WrittenCount, message.Length, msgSeqNum, gate));
        _bytes.Write(message);
    }

    /// <summary>
    /// Moves everything before the first closed gate into <paramref name="output"/> (which must be empty); each gated
    /// message that goes (its gate is open) is also handed to <paramref name="released"/>. With no gate in the queue the
    /// buffers are swapped, not copied (the common path).
    /// </summary>
    public void TakeSendable(ref ArrayBufferWriter<byte> output, MessageAction released)
    {
        if (_gated.Count == 0)
        {
            if (_head == 0)
            {
                (_bytes, output) = (output, _bytes);
            }
            else
            {
                output.Write(_bytes.WrittenSpan[_head..]);
                Reset();
            }

            return;
        }

        var cut = _bytes.WrittenCount;
        while (_gated.TryPeek(out var entry))
        {
            if (entry.Gate.IsClosed)
            {
                cut = entry.Offset;
                break;
            }

            released(_bytes.WrittenSpan.Slice(entry.Offset, entry.Length));
            _gated.Dequeue();
        }

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
    }

    /// <summary>Puts bytes taken but not written (a failed store flush) back in front, in their order.</summary>
    public void PutBack(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _spare.ResetWrittenCount();
        _spare.Write(bytes);
        var shift = bytes.Length - _head;
        _spare.Write(_bytes.WrittenSpan[_head..]);
        (_bytes, _spare) = (_spare, _bytes);
        _head = 0;
        _gated = new Queue<Entry>(_gated.Select(e => e with { Offset = e.Offset + shift }));
    }

    /// <summary>Replaces every message whose gate is void by <paramref name="replacement"/> (its gap fill); they are plain bytes from then on.</summary>
    public void ReplaceVoided(Replacement replacement)
    {
        if (_gated.Any(static e => e.Gate.IsVoid))
        {
            Rebuild(replacement);
        }
    }

    /// <summary>Drops everything (the connection is gone).</summary>
    public void Clear()
    {
        Reset();
        _gated.Clear();
    }

    private void Reset()
    {
        _bytes.ResetWrittenCount();
        _head = 0;
    }

    // Copies what is still queued to the front of a fresh buffer, replacing voided messages on the way.
    private void Rebuild(Replacement replacement)
    {
        _spare.ResetWrittenCount();
        var from = _head;
        var kept = new Queue<Entry>(_gated.Count);
        foreach (var entry in _gated)
        {
            _spare.Write(_bytes.WrittenSpan[from..entry.Offset]);
            from = entry.Offset + entry.Length;
            if (entry.Gate.IsVoid)
            {
                replacement(entry.MsgSeqNum, _spare);
            }
            else
            {
                kept.Enqueue(entry with { Offset = _spare.WrittenCount });
                _spare.Write(_bytes.WrittenSpan.Slice(entry.Offset, entry.Length));
            }
        }

        _spare.Write(_bytes.WrittenSpan[from..]);
        (_bytes, _spare) = (_spare, _bytes);
        _head = 0;
        _gated = kept;
    }

    private readonly record struct Entry(int Offset, int Length, int MsgSeqNum, OutboundGate Gate);
}
