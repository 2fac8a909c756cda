namespace TradeFlow.Fix.Store;

/// <summary>Receives one stored outbound message during <see cref="IMessageStore.Get"/>.</summary>
public delegate void StoredMessageCallback(int msgSeqNum, ReadOnlySpan<byte> message);

/// <summary>
/// A session's sequence numbers and the outbound messages it sent, so resend requests can be answered and a
/// restarted process resumes where it stopped (QuickFIX's <c>MessageStore</c>). Implementations are thread-safe.
/// Changes become durable at <see cref="Flush()"/>, which the session calls before writing a batch to the socket.
/// </summary>
public interface IMessageStore : IDisposable
{
    /// <summary>The MsgSeqNum our next outbound message gets.</summary>
    int NextSenderMsgSeqNum { get; set; }

    /// <summary>The MsgSeqNum we expect on the counterparty's next message.</summary>
    int NextTargetMsgSeqNum { get; set; }

    /// <summary>When the store was created or last reset: identifies the session period it belongs to.</summary>
    DateTime CreationTime { get; }

    /// <summary>Adds one to <see cref="NextSenderMsgSeqNum"/>.</summary>
    void IncrNextSenderMsgSeqNum();

    /// <summary>Adds one to <see cref="NextTargetMsgSeqNum"/>.</summary>
    void IncrNextTargetMsgSeqNum();

    /// <summary>Keeps the complete outbound message <paramref name="message"/> sent as <paramref name="msgSeqNum"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "QuickFIX's MessageStore names, which FIX engineers know; no VB consumers.")]
    void Set(int msgSeqNum, ReadOnlySpan<byte> message);

    /// <summary>Calls <paramref name="callback"/> for each stored message in [<paramref name="beginSeqNo"/>, <paramref name="endSeqNo"/>], in order.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "QuickFIX's MessageStore names, which FIX engineers know; no VB consumers.")]
    void Get(int beginSeqNo, int endSeqNo, StoredMessageCallback callback);

    /// <summary>The next target number the last flush (or open, or reset) made durable: what a restart would expect.</summary>
    int DurableNextTargetMsgSeqNum { get; }

    /// <summary>Makes every change so far durable (one fsync per file touched: the group commit).</summary>
    void Flush();

    /// <summary>
    /// Like <see cref="Flush()"/>, but the next target number made durable is min(<see cref="NextTargetMsgSeqNum"/>,
    /// <paramref name="targetFloor"/>): the session passes the lowest inbound number its application still holds, so
    /// a restart asks for that message again. <see cref="NextTargetMsgSeqNum"/> itself is unchanged.
    /// </summary>
    void Flush(int targetFloor);

    /// <summary>
    /// Optionally hands what is queued to the operating system now, without making it durable, so that the
    /// <see cref="Flush(int)"/> that follows has less to write (and its fsync may find the bytes committed by another
    /// file's fsync on the same file system). Never waits for the disk; nothing is durable, or may be sent, because of
    /// it. By default it does nothing.
    /// </summary>
    void WriteAhead(int targetFloor)
    {
    }

    /// <summary>Forgets every message, sets both sequence numbers to 1 and the creation time to <paramref name="creationTime"/>; durable on return.</summary>
    void Reset(DateTime creationTime);

    /// <summary>Re-reads the store's durable state (QuickFIX's RefreshOnLogon).</summary>
    void Refresh();

    /// <summary>Whether <see cref="SetConditional"/> is supported (the QuickFIX-layout file store does not support it).</summary>
    bool SupportsConditions => false;

    /// <summary>
    /// Keeps <paramref name="message"/> like <see cref="Set"/>, but as conditional on <paramref name="condition"/> (an
    /// application's opaque text, e.g. the key of the command the message answers): <see cref="Get"/> leaves it out —
    /// so a resend gap-fills it — until <see cref="Resolve"/> says the condition was met, and for ever once void. The
    /// condition is as durable as the message; a store reopened after a crash reports it in <see cref="PendingConditions"/>
    /// until resolved.
    /// </summary>
    void SetConditional(int msgSeqNum, ReadOnlySpan<byte> message, string condition) =>
        throw new NotSupportedException("This message store does not keep conditional messages.");

    /// <summary>
    /// Settles conditional message <paramref name="msgSeqNum"/>: met (resendable) or void (never sent, gap-filled on
    /// resend). A settled or unknown number is left as it is. Durable at the next <see cref="Flush()"/>.
    /// </summary>
    void Resolve(int msgSeqNum, bool met)
    {
    }

    /// <summary>The conditional messages not yet settled, with their conditions, in MsgSeqNum order.</summary>
    IReadOnlyList<KeyValuePair<int, string>> PendingConditions() => [];
}
