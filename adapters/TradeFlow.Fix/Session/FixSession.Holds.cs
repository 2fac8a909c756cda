namespace TradeFlow.Fix.Session;

/// <summary>
/// The inbound watermark: an application that queues a message for work it has not made durable yet holds its
/// sequence number, and every store flush persists min(next target, lowest held) instead of the next target, so a
/// restart before the work is durable asks the counterparty to resend it.
/// </summary>
/// <remarks>
/// Rules as built. The in-memory expected number is unchanged by holds: the session keeps processing in order and
/// only the persisted number lags. Holds are counted (the same number can be held twice when a message is resent
/// after an application failure) and may be released in any order and from any thread; they have their own lock
/// so the engine's threads never wait on the session lock, the store or the socket. A store reset
/// (ResetSeqNumFlag, ResetOnLogon/Logout/Disconnect, a new session period) drops every hold and starts a new epoch:
/// the old numbering can never be resent, so a hold on it could only pin the new numbering wrongly. A disconnect
/// keeps the holds: the work behind them is still under way, and the restart that a crash forces must still ask
/// for it. Holds are not persisted themselves — after a restart there are none, and the persisted floor already
/// makes the counterparty resend every message that was held.
/// </remarks>
public sealed partial class FixSession
{
    private readonly Lock _holdsSync = new();
    // A hash map, not a sorted one: a SortedDictionary allocated a tree node per inbound order. The lowest held number
    // is cached and found again by a scan only when the hold that was lowest is released (the scan runs at the next
    // flush, over the orders in flight: tens, not thousands).
    private readonly Dictionary<int, int> _holds = [];
    private int _lowestHeld;
    private bool _lowestStale;
    private long _holdEpoch;

    /// <summary>
    /// Holds inbound <paramref name="msgSeqNum"/> until <see cref="Release"/>: no flush persists an expected number
    /// beyond it meanwhile. Called from <see cref="IApplication.FromApp"/> (on the reader thread) before the message is
    /// handed to asynchronous work.
    /// </summary>
    public InboundHold Hold(int msgSeqNum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(msgSeqNum);
        lock (_holdsSync)
        {
            _holds[msgSeqNum] = _holds.GetValueOrDefault(msgSeqNum) + 1;
            if (!_lowestStale && (_lowestHeld == 0 || msgSeqNum < _lowestHeld))
            {
                _lowestHeld = msgSeqNum;
            }

            return new InboundHold(SessionId, msgSeqNum, _holdEpoch);
        }
    }

    /// <summary>
    /// Ends <paramref name="hold"/>: its message is durable (or answered), so the next flush may persist past it.
    /// Thread-safe and order-free; a hold from before a reset, or one already released, is ignored.
    /// </summary>
    public void Release(InboundHold hold)
    {
        lock (_holdsSync)
        {
            if (hold.Session != SessionId || hold.Epoch != _holdEpoch || !_holds.TryGetValue(hold.MsgSeqNum, out var count))
            {
                return;
            }

            if (count == 1)
            {
                _holds.Remove(hold.MsgSeqNum);
                _lowestStale |= hold.MsgSeqNum == _lowestHeld;
            }
            else
            {
                _holds[hold.MsgSeqNum] = count - 1;
            }
        }
    }

    /// <summary>The lowest inbound number still held, or 0 when none is.</summary>
    public int LowestHeldMsgSeqNum
    {
        get
        {
            lock (_holdsSync)
            {
                return LowestHeld();
            }
        }
    }

    /// <summary>
    /// The next target number a flush may persist: min(next target, lowest held). Called under the session lock,
    /// which orders it after every increment; a hold is always taken before its number's increment (FromApp returns
    /// first), so a number counted in the target read here is either released or visible in the holds.
    /// </summary>
    private int DurableTargetFloor()
    {
        var target = _store.NextTargetMsgSeqNum;
        lock (_holdsSync)
        {
            var lowest = LowestHeld();
            return lowest == 0 ? target : Math.Min(target, lowest);
        }
    }

    /// <summary>Resets the store and drops every hold (see the remarks on the rule).</summary>
    private void ResetStore(DateTime creationTime)
    {
        lock (_holdsSync)
        {
            _holds.Clear();
            _lowestHeld = 0;
            _lowestStale = false;
            _holdEpoch++;
        }

        // The stored messages go with the reset: none of them may go out any more.
        VoidClosedGates();
        _store.Reset(creationTime);
    }

    // Under _holdsSync.
    private int LowestHeld()
    {
        if (_lowestStale)
        {
            var lowest = 0;
            foreach (var seq in _holds.Keys)
            {
                lowest = lowest == 0 ? seq : Math.Min(lowest, seq);
            }

            _lowestHeld = lowest;
            _lowestStale = false;
        }

        return _lowestHeld;
    }
}
