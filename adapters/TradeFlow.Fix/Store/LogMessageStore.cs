using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Store;

/// <summary>
/// The default message store on disk: one append-only file per session under FileStorePath,
/// <c>FIX.4.4-SENDER-TARGET.store</c>, holding checksummed records — the creation time, each outbound message with
/// its MsgSeqNum, and after every flush the sequence numbers (the commit mark). See <see cref="LogRecord"/> for the
/// framing and docs/fix.md for the layout.
/// </summary>
/// <remarks>
/// Why one file: QuickFIX's layout (<see cref="FileMessageStore"/>) needs a body fsync, then a header fsync (a header
/// line must never index bytes that are not durable), and sometimes a seqnums fsync — in series, per reply batch. Here
/// <see cref="Set"/> only buffers, and <see cref="Flush()"/> appends the batch's messages and the numbers with one
/// write and makes them durable with one fsync, before the session writes the batch to the socket. The durability
/// policy is <see cref="FileMessageStore"/>'s: the incoming number is durable only as far as the last flush and never
/// past the lowest number the application still holds (<see cref="Flush(int)"/>). On open, records after the last
/// commit mark (a batch torn by a crash, never sent) are cut off; a record that fails its checksum with a
/// commit mark after it is corruption, reported with file and offset.
/// </remarks>
public sealed partial class LogMessageStore : IMessageStore
{
    private readonly Lock _sync = new();

    // One flush at a time; taken before _sync. The write and fsync run outside _sync so that the session's reader,
    // which moves the incoming number for every message it reads, never waits for the disk.
    private readonly Lock _flushGate = new();
    private readonly string _directory;
    private readonly string _path;
    private readonly StoredMessageIndex _index = new();
    private readonly StoredConditions _conditions = new();
    private ArrayBufferWriter<byte> _pending = new(16 * 1024);

    // The batches written and not yet fsync'd (WriteAhead's, then the flush's own): they land at _length; _pending lands
    // after them. Kept until the fsync returns, so that a failed fsync can write them again (Requeue).
    private ArrayBufferWriter<byte> _flushing = new(16 * 1024);
    private SafeFileHandle _file = null!;

    // How many bytes at the start of _flushing are in the file already (WriteAhead), and the numbers its last batch
    // closed with: a flush that finds nothing new writes nothing more and only fsyncs.
    private int _writtenAhead;
    private (int Sender, int Target) _aheadNumbers;

    // The fsync (a seam: tests inject a failing one to prove what a failed fsync does).
    private Action<SafeFileHandle> _flushToDisk = RandomAccess.FlushToDisk;

    // Bytes of the file that are written (and, after each flush, durable); a pending message's offset is past it.
    private long _length;
    private int _nextSender = 1;
    private int _nextTarget = 1;
    private int _durableSender = 1;
    private int _durableTarget = 1;
    private bool _dirty;

    /// <summary>Opens (or creates, stamped with <paramref name="now"/>) the store of <paramref name="sessionId"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="MessageStoreCorruptException">The file does not add up; the message names it and the offset.</exception>
    public LogMessageStore(string directory, SessionId sessionId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _path = PathFor(directory, sessionId);
        Directory.CreateDirectory(directory);
        Open(now);
    }

    /// <summary>The file that holds <paramref name="sessionId"/>'s store in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, SessionId sessionId) =>
        Path.Combine(directory ?? throw new ArgumentNullException(nameof(directory)), sessionId.FileStem + ".store");

    /// <inheritdoc/>
    public int NextSenderMsgSeqNum
    {
        get { lock (_sync) { return _nextSender; } }
        set { lock (_sync) { _nextSender = value; } }
    }

    /// <inheritdoc/>
    public int NextTargetMsgSeqNum
    {
        get { lock (_sync) { return _nextTarget; } }
        set { lock (_sync) { _nextTarget = value; } }
    }

    /// <inheritdoc/>
    public DateTime CreationTime { get; private set; }

    /// <inheritdoc/>
    public int DurableNextTargetMsgSeqNum
    {
        get { lock (_sync) { return _durableTarget; } }
    }

    /// <inheritdoc/>
    public void IncrNextSenderMsgSeqNum()
    {
        lock (_sync) { _nextSender++; }
    }

    /// <inheritdoc/>
    public void IncrNextTargetMsgSeqNum()
    {
        lock (_sync) { _nextTarget++; }
    }

    /// <inheritdoc/>
    public void Set(int msgSeqNum, ReadOnlySpan<byte> message)
    {
        Span<byte> seq = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(seq, msgSeqNum);
        lock (_sync)
        {
            AppendMessage(msgSeqNum, seq, message);
        }
    }

    /// <inheritdoc/>
    public bool SupportsConditions => true;

    /// <inheritdoc/>
    public void SetConditional(int msgSeqNum, ReadOnlySpan<byte> message, string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Span<byte> seq = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(seq, msgSeqNum);
        // One answer per order comes through here: a source key fits on the stack, so nothing is allocated for it.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(condition.Length);
        Span<byte> conditionBytes = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        conditionBytes = conditionBytes[..Encoding.UTF8.GetBytes(condition, conditionBytes)];
        lock (_sync)
        {
            // The condition record goes first, in the same batch: recovery never sees the message without it.
            LogRecord.Write(_pending, LogRecordKind.Condition, seq, conditionBytes);
            _conditions.Add(msgSeqNum, condition);
            AppendMessage(msgSeqNum, seq, message);
        }
    }

    // Under _sync: the message record joins the pending batch and the resend index points at its body.
    private void AppendMessage(int msgSeqNum, ReadOnlySpan<byte> seq, ReadOnlySpan<byte> message)
    {
        var offset = _length + _flushing.WrittenCount + _pending.WrittenCount + LogRecord.HeaderSize + seq.Length;
        LogRecord.Write(_pending, LogRecordKind.Message, seq, message);
        _index.Set(msgSeqNum, offset, message.Length);
        _dirty = true;
    }

    /// <inheritdoc/>
    public void Resolve(int msgSeqNum, bool met)
    {
        Span<byte> payload = stackalloc byte[5];
        BinaryPrimitives.WriteInt32LittleEndian(payload, msgSeqNum);
        payload[4] = met ? (byte)1 : (byte)2;
        lock (_sync)
        {
            if (_conditions.Resolve(msgSeqNum, met))
            {
                // Rides the next flush: until it is durable, a restart settles the message again from the application.
                LogRecord.Write(_pending, LogRecordKind.Resolution, payload, default);
                _dirty = true;
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<int, string>> PendingConditions()
    {
        lock (_sync)
        {
            return _conditions.Pending();
        }
    }

    /// <inheritdoc/>
    public void Get(int beginSeqNo, int endSeqNo, StoredMessageCallback callback) =>
        _index.Get(_sync, beginSeqNo, endSeqNo, Read, callback, _conditions.IsSendable);

    /// <inheritdoc/>
    public void Flush() => Flush(int.MaxValue);

    /// <inheritdoc/>
    public void Flush(int targetFloor)
    {
        lock (_flushGate)
        {
            int sender, target, from;
            lock (_sync)
            {
                sender = _nextSender;
                target = Math.Min(_nextTarget, targetFloor);
                var aheadIsCurrent = !_dirty && _flushing.WrittenCount > 0 && _aheadNumbers == (sender, target);
                if (!_dirty && _flushing.WrittenCount == 0 && sender == _durableSender && target == _durableTarget)
                {
                    return;
                }

                if (!aheadIsCurrent)
                {
                    // The numbers close the batch: they are its commit mark.
                    CloseBatch(sender, target);
                }

                from = _writtenAhead;
            }

            try
            {
                // The group commit: every message queued since the last flush and the numbers, one write (of what
                // WriteAhead did not write already), one fsync covering it all.
                if (from < _flushing.WrittenCount)
                {
                    RandomAccess.Write(_file, _flushing.WrittenSpan[from..], _length + from);
                }

                _flushToDisk(_file);
            }
            catch (IOException)
            {
                Requeue();
                throw;
            }

            lock (_sync)
            {
                _length += _flushing.WrittenCount;
                _flushing.ResetWrittenCount();
                _writtenAhead = 0;
                (_durableSender, _durableTarget) = (sender, target);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Writes what is pending as a batch closed by its numbers, like <see cref="Flush(int)"/>, but does not fsync it:
    /// nothing becomes durable and the session sends nothing on the strength of it. The next flush writes only what
    /// was queued since and fsyncs it all (a failed write here is written again by that flush; a failed fsync there
    /// writes every unsynced batch again). When a flush is under way (its fsync running) this returns at once and
    /// what is pending rides the next flush, as before: it never waits for the disk.
    /// </remarks>
    public void WriteAhead(int targetFloor)
    {
        if (!_flushGate.TryEnter())
        {
            return;
        }

        try
        {
            int from;
            lock (_sync)
            {
                if (!_dirty)
                {
                    return;
                }

                from = _flushing.WrittenCount;
                CloseBatch(_nextSender, Math.Min(_nextTarget, targetFloor));
            }

            try
            {
                RandomAccess.Write(_file, _flushing.WrittenSpan[from..], _length + from);
                _writtenAhead = _flushing.WrittenCount;
            }
            catch (IOException)
            {
                // In doubt on disk: the next flush writes these bytes again, at the same offset, and reports a failure.
                _writtenAhead = from;
            }
        }
        finally
        {
            _flushGate.Exit();
        }
    }

    /// <summary>Replaces the fsync, for tests that make it fail.</summary>
    internal Action<SafeFileHandle> FlushToDisk
    {
        set => _flushToDisk = value;
    }

    // Under _sync: the pending messages and the numbers that close them join the batches to write.
    private void CloseBatch(int sender, int target)
    {
        AppendNumbers(sender, target);
        _flushing.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
        _aheadNumbers = (sender, target);
        _dirty = false;
    }

    /// <inheritdoc/>
    public void Reset(DateTime creationTime)
    {
        lock (_flushGate)
        lock (_sync)
        {
            CloseFile();
            File.Delete(_path);
            Open(creationTime);
        }
    }

    /// <inheritdoc/>
    public void Refresh()
    {
        lock (_flushGate)
        lock (_sync)
        {
            CloseFile();
            Open(CreationTime);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_flushGate)
        lock (_sync)
        {
            CloseFile();
        }
    }

    // A failed write or fsync leaves the batch's bytes in doubt: they go back in front of what was queued since, so
    // the next flush writes them again at the same offset (a failed fsync may have dropped the dirty pages).
    private void Requeue()
    {
        lock (_sync)
        {
            _flushing.Write(_pending.WrittenSpan);
            _pending.ResetWrittenCount();
            (_pending, _flushing) = (_flushing, _pending);
            _writtenAhead = 0;
            _dirty = true;
        }
    }

    private void AppendNumbers(int nextSender, int nextTarget)
    {
        Span<byte> numbers = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(numbers, nextSender);
        BinaryPrimitives.WriteInt32LittleEndian(numbers[4..], nextTarget);
        LogRecord.Write(_pending, LogRecordKind.Numbers, numbers, default);
    }

    // A message flushed lives in the file; one being flushed is in that batch; one queued since is still pending.
    private void Read(long offset, Span<byte> destination)
    {
        var inBatches = offset - _length;
        if (inBatches < 0)
        {
            RandomAccess.Read(_file, destination, offset);
        }
        else if (inBatches < _flushing.WrittenCount)
        {
            _flushing.WrittenSpan.Slice((int)inBatches, destination.Length).CopyTo(destination);
        }
        else
        {
            _pending.WrittenSpan.Slice((int)(inBatches - _flushing.WrittenCount), destination.Length).CopyTo(destination);
        }
    }

    private void CloseFile()
    {
        _file?.Dispose();
        _index.Clear();
        _conditions.Clear();
        _pending.ResetWrittenCount();
        _flushing.ResetWrittenCount();
        _writtenAhead = 0;
        _length = 0;
        _dirty = false;
    }
}
