using System.Globalization;
using System.Text;
using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.Fix.Store;

/// <summary>Opening the store: reads the session time, the sequence numbers and the body index, and cuts torn tails.</summary>
public sealed partial class FileMessageStore
{
    private void Open(DateTime now)
    {
        var isNew = !File.Exists(_sessionPath);
        if (isNew)
        {
            File.WriteAllText(_sessionPath, now.ToString(TimeFormat, CultureInfo.InvariantCulture));
            using (var session = new FileStream(_sessionPath, FileMode.Open, FileAccess.ReadWrite))
            {
                session.Flush(flushToDisk: true);
            }

            CreationTime = now;
        }
        else
        {
            CreationTime = ReadCreationTime();
        }

        _body = OpenFile(_bodyPath);
        _header = OpenFile(_headerPath);
        _seqNums = OpenFile(_seqNumsPath);
        if (isNew)
        {
            // The new files' directory entries must survive a power loss too.
            DirectorySync.Flush(_directory);
        }

        var lastSeq = LoadIndex();
        _lastStoredSeq = lastSeq;
        LoadSeqNums();
        _durableTarget = _nextTarget;
        _nextSender = Math.Max(_nextSender, lastSeq + 1);
    }

    private DateTime ReadCreationTime()
    {
        var text = File.ReadAllText(_sessionPath).Trim();
        return DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new MessageStoreCorruptException(_sessionPath, 0, $"'{text}' is not a creation time {TimeFormat}");
    }

    private int LoadIndex()
    {
        var bytes = new byte[_header.Length];
        RandomAccess.Read(_header.SafeFileHandle, bytes, 0);
        var text = Encoding.ASCII.GetString(bytes);
        long lineStart = 0;
        long indexedEnd = 0;
        var lastSeq = 0;
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', (int)lineStart);
            if (newline < 0)
            {
                // A torn last line: its message was never fsync'd, hence never sent. Cut it off.
                _header.SetLength(lineStart);
                break;
            }

            var (seq, offset, size) = ParseHeaderLine(text[(int)lineStart..newline], lineStart);
            if (offset + size > _body.Length)
            {
                throw new MessageStoreCorruptException(_bodyPath, _body.Length,
                    $"truncated: message {seq} ({size} bytes at offset {offset}, indexed at {_headerPath} offset {lineStart}) is missing");
            }

            _index.Set(seq, offset, size);
            indexedEnd = Math.Max(indexedEnd, offset + size);
            lastSeq = Math.Max(lastSeq, seq);
            lineStart = newline + 1;
        }

        if (_body.Length > indexedEnd)
        {
            // Bytes no header line indexes were written but never made durable as a whole, so never sent.
            _body.SetLength(indexedEnd);
        }

        _bodyLength = indexedEnd;
        return lastSeq;
    }

    private (int Seq, long Offset, int Size) ParseHeaderLine(string line, long at)
    {
        var parts = line.Split(',');
        if (parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return (seq, offset, size);
        }

        throw new MessageStoreCorruptException(_headerPath, at, $"'{line}' is not seq,offset,size");
    }

    private void LoadSeqNums()
    {
        _nextSender = _nextTarget = 1;
        if (_seqNums.Length == 0)
        {
            return;
        }

        var bytes = new byte[_seqNums.Length];
        RandomAccess.Read(_seqNums.SafeFileHandle, bytes, 0);
        var text = Encoding.ASCII.GetString(bytes);
        var parts = text.Split(" : ");
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _nextSender)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _nextTarget))
        {
            throw new MessageStoreCorruptException(_seqNumsPath, 0, $"'{text}' is not 'nextSender : nextTarget'");
        }
    }
}
