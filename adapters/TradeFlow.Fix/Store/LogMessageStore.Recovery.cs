using System.Buffers.Binary;
using System.Text;
using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.Fix.Store;

/// <summary>Opening the store: replays the records up to the last commit mark, cuts a torn tail, reports corruption.</summary>
public sealed partial class LogMessageStore
{
    private void Open(DateTime now)
    {
        var isNew = !File.Exists(_path);
        _file = File.OpenHandle(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (isNew)
        {
            // The new file's directory entry must survive a power loss too.
            DirectorySync.Flush(_directory);
        }

        var committed = Replay();
        if (RandomAccess.GetLength(_file) > committed)
        {
            // A batch written but never made durable as a whole (no commit mark after it) was never sent: cut it off.
            RandomAccess.SetLength(_file, committed);
            RandomAccess.FlushToDisk(_file);
        }

        _length = committed;
        if (committed == 0)
        {
            // New, or its creation never became durable: start the session period now.
            Create(now);
        }

        (_durableSender, _durableTarget) = (_nextSender, _nextTarget);
    }

    private void Create(DateTime now)
    {
        _index.Clear();
        (_nextSender, _nextTarget) = (1, 1);
        Span<byte> ticks = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(ticks, now.Ticks);
        LogRecord.Write(_pending, LogRecordKind.Created, ticks, default);
        AppendNumbers(1, 1);
        RandomAccess.Write(_file, _pending.WrittenSpan, 0);
        RandomAccess.FlushToDisk(_file);
        _length = _pending.WrittenCount;
        _pending.ResetWrittenCount();
        CreationTime = DateTime.SpecifyKind(now, DateTimeKind.Utc);
    }

    /// <summary>Reads every record; returns where the last commit mark ends (0 when there is none).</summary>
    private long Replay()
    {
        var bytes = new byte[RandomAccess.GetLength(_file)];
        RandomAccess.Read(_file, bytes, 0);
        var pendingIndex = new List<(int Seq, long Offset, int Size)>();
        var pendingConditions = new List<(int Seq, string? Condition, bool Met)>();
        long offset = 0;
        long committed = 0;
        var lastSeq = 0;
        var created = false;
        while (offset < bytes.Length)
        {
            if (!LogRecord.TryRead(bytes.AsSpan((int)offset), out var kind, out var payload, out var size))
            {
                ThrowIfCommittedAfter(bytes, offset);
                break;
            }

            var payloadAt = offset + LogRecord.HeaderSize;
            offset += size;
            switch (kind)
            {
                case LogRecordKind.Created when !created && payload.Length == 8:
                    created = true;
                    CreationTime = new DateTime(BinaryPrimitives.ReadInt64LittleEndian(payload), DateTimeKind.Utc);
                    break;
                case LogRecordKind.Message when payload.Length >= 4 && committed > 0:
                    pendingIndex.Add((BinaryPrimitives.ReadInt32LittleEndian(payload), payloadAt + 4, payload.Length - 4));
                    break;
                case LogRecordKind.Condition when payload.Length >= 4 && committed > 0:
                    pendingConditions.Add((BinaryPrimitives.ReadInt32LittleEndian(payload), Encoding.UTF8.GetString(payload[4..]), false));
                    break;
                case LogRecordKind.Resolution when payload.Length == 5 && payload[4] is 1 or 2 && committed > 0:
                    pendingConditions.Add((BinaryPrimitives.ReadInt32LittleEndian(payload), null, payload[4] == 1));
                    break;
                case LogRecordKind.Numbers when created && payload.Length == 8:
                    _nextSender = BinaryPrimitives.ReadInt32LittleEndian(payload);
                    _nextTarget = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
                    foreach (var (seq, at, length) in pendingIndex)
                    {
                        _index.Set(seq, at, length);
                        lastSeq = Math.Max(lastSeq, seq);
                    }

                    ApplyConditions(pendingConditions);
                    pendingIndex.Clear();
                    committed = offset;
                    break;
                default:
                    throw new MessageStoreCorruptException(_path, payloadAt - LogRecord.HeaderSize, $"a {kind} record of {payload.Length} bytes does not belong here");
            }
        }

        // Recovery never hands out a sender number at or below a stored message.
        _nextSender = Math.Max(_nextSender, lastSeq + 1);
        return committed;
    }

    // In file order: a condition makes its message pending, a resolution settles it.
    private void ApplyConditions(List<(int Seq, string? Condition, bool Met)> records)
    {
        foreach (var (seq, condition, met) in records)
        {
            if (condition is not null)
            {
                _conditions.Add(seq, condition);
            }
            else
            {
                _conditions.Resolve(seq, met);
            }
        }

        records.Clear();
    }

    /// <summary>
    /// A record that does not read at <paramref name="offset"/> is a torn tail when nothing durable follows it; if a
    /// commit mark reads anywhere after it, bytes that were made durable are damaged.
    /// </summary>
    private void ThrowIfCommittedAfter(byte[] bytes, long offset)
    {
        for (var at = (int)offset + 1; at <= bytes.Length - LogRecord.Overhead - 8; at++)
        {
            if (bytes[at + 4] == (byte)LogRecordKind.Numbers && BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)) == 8
                && LogRecord.TryRead(bytes.AsSpan(at), out _, out _, out _))
            {
                throw new MessageStoreCorruptException(_path, offset,
                    $"the record here does not read (bad length or checksum), but sequence numbers committed at offset {at} follow it");
            }
        }
    }
}
