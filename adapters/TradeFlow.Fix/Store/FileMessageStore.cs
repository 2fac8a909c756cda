using System.Globalization;
using System.Text;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Store;

/// <summary>
/// The message store on disk, in QuickFIX's layout under FileStorePath: <c>FIX.4.4-SENDER-TARGET.body</c> (sent
/// messages back to back), <c>.header</c> (<c>seq,offset,size</c> lines indexing the body), <c>.seqnums</c>
/// (<c>0000000042 : 0000000017</c>, next sender : next target) and <c>.session</c> (creation time). The acceptor's
/// default is <see cref="LogMessageStore"/> (one file, one fsync per flush); this layout is kept for stores that
/// already use it and for tools that read QuickFIX's files.
/// </summary>
/// <remarks>
/// Durability policy. An outbound message is appended to the body by <see cref="Set"/> and made durable by
/// <see cref="Flush()"/>, which the session calls once per write batch <em>before</em> the batch reaches the socket
/// (group commit: one fsync for everything queued). The incoming sequence number is written in that same flush, so
/// it is only ever durable as far as our last durable outbound message, and never past the lowest inbound number
/// the application still holds (<see cref="Flush(int)"/>: work it queued but has not made durable). After a crash
/// the acceptor therefore expects an incoming MsgSeqNum no later than it really made durable; whatever the
/// counterparty sent after that is asked for again by ResendRequest, and the application (idempotent by
/// TradeReportID / ClOrdID) answers those duplicates with its original answer. Nothing we sent is missing from the store, because nothing reaches the wire
/// before its fsync. The body is fsync'd before the header lines that index it are written, so a header entry
/// always points at durable bytes; a torn header line or body tail left by a crash indexes messages that were
/// never sent, and is cut off on open. Anything else that does not add up is reported with file and offset.
/// </remarks>
public sealed partial class FileMessageStore : IMessageStore
{
    private const string TimeFormat = "yyyyMMdd-HH:mm:ss.fff";
    private readonly Lock _sync = new();
    private readonly string _directory;
    private readonly string _bodyPath;
    private readonly string _headerPath;
    private readonly string _seqNumsPath;
    private readonly string _sessionPath;
    private readonly StoredMessageIndex _index = new();
    private readonly StringBuilder _pendingHeader = new();
    private FileStream _body = null!;
    private FileStream _header = null!;
    private FileStream _seqNums = null!;
    private long _bodyLength;
    private int _nextSender = 1;

    // The highest sequence number stored in the body: recovery never hands out a sender number at or below it.
    private int _lastStoredSeq;
    private int _nextTarget = 1;
    private int _durableTarget = 1;
    private bool _bodyDirty;
    private bool _seqNumsDirty;

    /// <summary>Opens (or creates, stamped with <paramref name="now"/>) the store of <paramref name="sessionId"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="MessageStoreCorruptException">A file does not add up; the message names it and the offset.</exception>
    public FileMessageStore(string directory, SessionId sessionId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        var stem = Path.Combine(directory, sessionId.FileStem);
        _bodyPath = stem + ".body";
        _headerPath = stem + ".header";
        _seqNumsPath = stem + ".seqnums";
        _sessionPath = stem + ".session";
        Directory.CreateDirectory(directory);
        Open(now);
    }

    /// <inheritdoc/>
    public int NextSenderMsgSeqNum
    {
        get { lock (_sync) { return _nextSender; } }
        set { lock (_sync) { _nextSender = value; _seqNumsDirty = true; } }
    }

    /// <inheritdoc/>
    public int NextTargetMsgSeqNum
    {
        get { lock (_sync) { return _nextTarget; } }
        set { lock (_sync) { _nextTarget = value; _seqNumsDirty = true; } }
    }

    /// <inheritdoc/>
    public DateTime CreationTime { get; private set; }

    /// <inheritdoc/>
    public void IncrNextSenderMsgSeqNum() => NextSenderMsgSeqNum++;

    /// <inheritdoc/>
    public void IncrNextTargetMsgSeqNum() => NextTargetMsgSeqNum++;

    /// <inheritdoc/>
    public void Set(int msgSeqNum, ReadOnlySpan<byte> message)
    {
        lock (_sync)
        {
            RandomAccess.Write(_body.SafeFileHandle, message, _bodyLength);
            _index.Set(msgSeqNum, _bodyLength, message.Length);
            _lastStoredSeq = Math.Max(_lastStoredSeq, msgSeqNum);
            _pendingHeader.Append(CultureInfo.InvariantCulture, $"{msgSeqNum},{_bodyLength},{message.Length}\n");
            _bodyLength += message.Length;
            _bodyDirty = true;
        }
    }

    /// <inheritdoc/>
    public void Get(int beginSeqNo, int endSeqNo, StoredMessageCallback callback) =>
        _index.Get(_sync, beginSeqNo, endSeqNo, (offset, destination) => RandomAccess.Read(_body.SafeFileHandle, destination, offset), callback);

    /// <inheritdoc/>
    public int DurableNextTargetMsgSeqNum
    {
        get { lock (_sync) { return _durableTarget; } }
    }

    /// <inheritdoc/>
    public void Flush() => Flush(int.MaxValue);

    /// <inheritdoc/>
    public void Flush(int targetFloor)
    {
        lock (_sync)
        {
            if (_bodyDirty)
            {
                // Body first: a header line must never index bytes that are not yet durable.
                _body.Flush(flushToDisk: true);
                var header = Encoding.ASCII.GetBytes(_pendingHeader.ToString());
                _pendingHeader.Clear();
                RandomAccess.Write(_header.SafeFileHandle, header, _header.Length);
                _header.Flush(flushToDisk: true);
                _bodyDirty = false;
            }

            // A released hold moves the floor without touching the numbers: that alone is worth the write.
            var target = Math.Min(_nextTarget, targetFloor);
            if (_seqNumsDirty || target != _durableTarget)
            {
                // The numbers need their own fsync only when the body cannot stand for the sender's: recovery takes
                // one past the last stored message anyway, and an older incoming number is always safe (the
                // counterparty is asked to resend, duplicates are answered from the journal). Saves one of the
                // fsyncs every reply waits for.
                WriteSeqNums(target, durable: _nextSender > _lastStoredSeq + 1);
            }
        }
    }

    /// <inheritdoc/>
    public void Reset(DateTime creationTime)
    {
        lock (_sync)
        {
            CloseFiles();
            foreach (var path in new[] { _bodyPath, _headerPath, _seqNumsPath, _sessionPath })
            {
                File.Delete(path);
            }

            Open(creationTime);
        }
    }

    /// <inheritdoc/>
    public void Refresh()
    {
        lock (_sync)
        {
            CloseFiles();
            Open(CreationTime);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_sync)
        {
            CloseFiles();
        }
    }

    private void WriteSeqNums(int target, bool durable = true)
    {
        // Fixed width, overwritten in place: one 23-byte write never straddles a sector.
        var text = string.Create(CultureInfo.InvariantCulture, $"{_nextSender:D10} : {target:D10}");
        RandomAccess.Write(_seqNums.SafeFileHandle, Encoding.ASCII.GetBytes(text), 0);
        _seqNums.Flush(flushToDisk: durable);
        _durableTarget = target;
        _seqNumsDirty = false;
    }

    private void CloseFiles()
    {
        _body?.Dispose();
        _header?.Dispose();
        _seqNums?.Dispose();
        _index.Clear();
        _pendingHeader.Clear();
        _bodyDirty = _seqNumsDirty = false;
        _lastStoredSeq = 0;
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
}
