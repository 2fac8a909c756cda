using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// A session's outbound bytes waiting for the next write, some of them behind <see cref="OutboundGate"/>s: what may be
/// written is everything before the first closed gate (MsgSeqNum order is the wire order). Not thread-safe: the session
/// uses it under its lock.
/// </summary>
internal sealed class OutboundQueue
{
    private readonly List<Entry> _gated = [];
    private ArrayBufferWriter<byte> _bytes = new(4096);
    private ArrayBufferWriter<byte> _spare = new(4096);

    /// <summary>Writes the replacement of a voided message (its gap fill) into the buffer.</summary>
    public delegate void Replacement(int msgSeqNum, IBufferWriter<byte> output);

    /// <summary>Receives one queued message.</summary>
    public delegate void MessageAction(ReadOnlySpan<byte> message);

    /// <summary>Bytes queued, sendable or not.</summary>
    public int Length => _bytes.WrittenCount;

    /// <summary>True when a gate in the queue is still closed.</summary>
    public bool HasClosedGate => _gated.Exists(static e => e.Gate.IsClosed);

    /// <summary>Queues a message that may go out with the next write.</summary>
    public void Append(ReadOnlySpan<byte> message) => _bytes.Write(message);

    /// <summary>Queues message <paramref name="msgSeqNum"/> behind <paramref name="gate"/>.</summary>
    public void AppendGated(ReadOnlySpan<byte> message, int msgSeqNum, OutboundGate gate)
    {
        _gated.Add(new Entry(_bytes.WrittenCount, message.Length, msgSeqNum, gate));
        _bytes.Write(message);
    }

    /// <summary>Hands each message queued behind <paramref name="gate"/> to <paramref name="action"/>, in order.</summary>
    public void ForEach(OutboundGate gate, MessageAction action)
    {
        foreach (var entry in _gated)
        {
            if (ReferenceEquals(entry.Gate, gate))
            {
                action(_bytes.WrittenSpan.Slice(entry.Offset, entry.Length));
            }
        }
    }

    /// <summary>The closed gates in the queue, in order.</summary>
    public IEnumerable<OutboundGate> ClosedGates() => _gated.Where(static e => e.Gate.IsClosed).Select(static e => e.Gate).Distinct();

    /// <summary>
    /// Moves everything before the first closed gate into <paramref name="output"/> (which must be empty). With no gate
    /// in the queue the buffers are swapped, not copied (the common path).
    /// </summary>
    public void TakeSendable(ref ArrayBufferWriter<byte> output)
    {
        if (_gated.Count == 0)
        {
            (_bytes, output) = (output, _bytes);
            return;
        }

        var firstClosed = _gated.FindIndex(static e => e.Gate.IsClosed);
        var cut = firstClosed < 0 ? _bytes.WrittenCount : _gated[firstClosed].Offset;
        output.Write(_bytes.WrittenSpan[..cut]);
        Keep(cut, firstClosed < 0 ? _gated.Count : firstClosed);
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
        _spare.Write(_bytes.WrittenSpan);
        (_bytes, _spare) = (_spare, _bytes);
        for (var i = 0; i < _gated.Count; i++)
        {
            _gated[i] = _gated[i] with { Offset = _gated[i].Offset + bytes.Length };
        }
    }

    /// <summary>Replaces every message whose gate is void by <paramref name="replacement"/> (its gap fill); they are plain bytes from then on.</summary>
    public void ReplaceVoided(Replacement replacement)
    {
        if (!_gated.Exists(static e => e.Gate.IsVoid))
        {
            return;
        }

        _spare.ResetWrittenCount();
        var from = 0;
        var kept = new List<Entry>(_gated.Count);
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
                kept.Add(entry with { Offset = _spare.WrittenCount });
                _spare.Write(_bytes.WrittenSpan.Slice(entry.Offset, entry.Length));
            }
        }

        _spare.Write(_bytes.WrittenSpan[from..]);
        (_bytes, _spare) = (_spare, _bytes);
        _gated.Clear();
        _gated.AddRange(kept);
    }

    /// <summary>Drops everything (the connection is gone).</summary>
    public void Clear()
    {
        _bytes.ResetWrittenCount();
        _gated.Clear();
    }

    // Drops the first `cut` bytes and the first `entries` gated entries, keeping the rest in order.
    private void Keep(int cut, int entries)
    {
        _spare.ResetWrittenCount();
        _spare.Write(_bytes.WrittenSpan[cut..]);
        (_bytes, _spare) = (_spare, _bytes);
        _gated.RemoveRange(0, entries);
        for (var i = 0; i < _gated.Count; i++)
        {
            _gated[i] = _gated[i] with { Offset = _gated[i].Offset - cut };
        }
    }

    private readonly record struct Entry(int Offset, int Length, int MsgSeqNum, OutboundGate Gate);
}
