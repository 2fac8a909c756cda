namespace TradeFlow.Fix.Store;

/// <summary>
/// Where each stored outgoing message sits in a store's file, by MsgSeqNum, and the resend read over it that both
/// file stores share: the numbers in range are taken under the store's lock, then each message is read (also under
/// the lock, so a concurrent truncation by <c>Reset</c> cannot tear it) into one reused buffer and handed out.
/// </summary>
internal sealed class StoredMessageIndex
{
    private readonly Dictionary<int, (long Offset, int Size)> _entries = [];

    /// <summary>Records that message <paramref name="msgSeqNum"/> is <paramref name="size"/> bytes at <paramref name="offset"/>.</summary>
    public void Set(int msgSeqNum, long offset, int size) => _entries[msgSeqNum] = (offset, size);

    /// <summary>Forgets every message (after a reset).</summary>
    public void Clear() => _entries.Clear();

    /// <summary>
    /// Hands the stored messages from <paramref name="beginSeqNo"/> to <paramref name="endSeqNo"/> to
    /// <paramref name="callback"/> in order; <paramref name="read"/> fills a span from the file at an offset and is
    /// called while <paramref name="sync"/> is held; a message for which <paramref name="sendable"/> (also called under
    /// the lock) says false is left out.
    /// </summary>
    public void Get(Lock sync, int beginSeqNo, int endSeqNo, Action<long, Span<byte>> read, StoredMessageCallback callback,
        Func<int, bool>? sendable = null)
    {
        ArgumentNullException.ThrowIfNull(callback);
        int[] wanted;
        lock (sync)
        {
            wanted = [.. _entries.Keys.Where(seq => seq >= beginSeqNo && seq <= endSeqNo).Order()];
        }

        var buffer = new byte[4096];
        foreach (var seq in wanted)
        {
            int size;
            lock (sync)
            {
                // A conditional message not (yet) met is left out: the resend gap-fills it.
                if (!_entries.TryGetValue(seq, out var at) || (sendable is not null && !sendable(seq)))
                {
                    continue;
                }

                size = at.Size;
                if (buffer.Length < size)
                {
                    buffer = new byte[size];
                }

                read(at.Offset, buffer.AsSpan(0, size));
            }

            callback(seq, buffer.AsSpan(0, size));
        }
    }
}
