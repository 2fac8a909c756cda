using System.Buffers;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>
/// Conditional messages: stamped, stored and made durable like any other, but written to the socket only once their
/// <see cref="OutboundGate"/> opens, and never if it is voided. A sender uses them to overlap its own durability work
/// with the store's fsync (the trade-capture application stores an answer while the journal commits the command).
/// </summary>
/// <remarks>
/// The invariant: a conditional message reaches the counterparty only after <see cref="Open"/>. Live, it waits in the
/// outbound queue behind its gate (and everything queued after it waits too: the wire is in MsgSeqNum order); a voided
/// message is replaced there by a SequenceReset-GapFill, so its number is still consumed. On resend the store leaves
/// out every conditional message not settled as met, so the resend gap-fills it; and after a restart, the messages the
/// store holds unsettled are settled by the application (<see cref="IMessageConditions"/>) before anything is sent.
/// An unconditional message never waits behind a closed gate: queuing one voids every closed gate first. The gap fills
/// that replace voided messages live are not shown to <see cref="IApplication.ToAdmin"/> (they are built under the
/// lock while another message is being stamped); the session's event log records each voiding.
/// </remarks>
public sealed partial class FixSession
{
    // Closed gates of this session (a set: many answers may be waiting at high rates).
    private readonly HashSet<OutboundGate> _closedGates = [];
    private readonly FixFieldWriter _gapFillBody = new(64);

    /// <summary>Whether <see cref="QueueConditional"/> may be used: the store keeps conditions and messages are persisted.</summary>
    public bool SupportsConditionalMessages => _settings.PersistMessages && _store.SupportsConditions;

    /// <summary>
    /// Stamps, stores and queues an application message behind <paramref name="gate"/> (closed): it becomes durable
    /// with the next <see cref="Flush"/>, but reaches the socket only once <see cref="Open"/> is called. Thread-safe.
    /// Returns false when <see cref="IApplication.ToApp"/> refused it. A session that is not logged on stores it for a
    /// resend after the next Logon, which sends it only if the gate was opened.
    /// </summary>
    /// <exception cref="NotSupportedException">The store cannot keep conditions (<see cref="SupportsConditionalMessages"/>).</exception>
    /// <exception cref="InvalidOperationException">The gate is already open or void.</exception>
    public bool QueueConditional(string msgType, FixFieldWriter body, OutboundGate gate)
    {
        ArgumentNullException.ThrowIfNull(msgType);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(gate);
        if (!SupportsConditionalMessages)
        {
            throw new NotSupportedException($"Session {SessionId} cannot queue conditional messages (its store does not keep conditions, or PersistMessages=N).");
        }

        if (MsgTypes.IsAdmin(TypeBytes(msgType)))
        {
            throw new ArgumentException("Only application messages can be conditional.", nameof(msgType));
        }

        lock (_sync)
        {
            if (!gate.IsClosed)
            {
                throw new InvalidOperationException("Messages can be queued only behind a closed gate.");
            }

            _closedGates.Add(gate);
            return SendApp(msgType, body.Written, gate);
        }
    }

    /// <summary>
    /// The gate's condition is met: its messages may go out (with the next <see cref="Flush"/>, which does not fsync
    /// again for them). True when the gate was closed and is now open; false when it had been voided meanwhile — an
    /// unconditional message, a disconnect or a store reset came first — and its messages will never be sent: the
    /// caller must answer another way.
    /// </summary>
    public bool Open(OutboundGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        lock (_sync)
        {
            if (!gate.IsClosed)
            {
                return gate.IsOpen;
            }

            gate.State = OutboundGate.GateState.Open;
            _closedGates.Remove(gate);
            // By index: a foreach over the gate's numbers as an interface boxed an enumerator per answer.
            for (var i = 0; i < gate.Count; i++)
            {
                _store.Resolve(gate.MsgSeqNumAt(i), met: true);
            }

            // Its messages are logged as outgoing when they are taken for the socket (OutboundQueue.TakeSendable).
            return true;
        }
    }

    /// <summary>
    /// The gate's condition will never be met: its messages are never sent; those still queued become
    /// SequenceReset-GapFills (their numbers are consumed). Call <see cref="Flush"/> to write what is queued.
    /// </summary>
    public void Void(OutboundGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        lock (_sync)
        {
            VoidGate(gate);
            _pending.ReplaceVoided(WriteGapFill);
        }
    }

    /// <summary>Voids every closed gate (under the lock): an unconditional message, a disconnect or a store reset comes.</summary>
    private void VoidClosedGates()
    {
        if (_closedGates.Count == 0)
        {
            return;
        }

        foreach (var gate in _closedGates.ToArray())
        {
            VoidGate(gate);
        }

        _pending.ReplaceVoided(WriteGapFill);
    }

    private void VoidGate(OutboundGate gate)
    {
        if (!gate.IsClosed)
        {
            return;
        }

        gate.State = OutboundGate.GateState.Void;
        _closedGates.Remove(gate);
        for (var i = 0; i < gate.Count; i++)
        {
            _store.Resolve(gate.MsgSeqNumAt(i), met: false);
        }

        _log.Event($"Voided conditional message(s) {gate.Describe()}: gap-filled, never sent");
    }

    /// <summary>The SequenceReset-GapFill that replaces voided message <paramref name="msgSeqNum"/> on the wire.</summary>
    private void WriteGapFill(int msgSeqNum, IBufferWriter<byte> output)
    {
        _gapFillBody.Clear();
        _gapFillBody.Add(Tags.GapFillFlag, true);
        _gapFillBody.Add(Tags.NewSeqNo, msgSeqNum + 1);
        var now = Now;
        var header = new FixHeader(SessionId.BeginString, SessionId.SenderCompID, SessionId.TargetCompID, msgSeqNum, now, PossDup: true, OrigSendingTime: now);
        FixEncoder.Encode(output, header, TypeBytes(MsgTypes.SequenceReset), _gapFillBody.Written);
    }

    /// <summary>
    /// At creation, before any connection: settles the conditional messages the store holds unsettled (the process
    /// stopped between storing them and learning their fate), by the application's judgement, durably.
    /// </summary>
    private void SettleStoredConditions()
    {
        var pending = _store.PendingConditions();
        if (pending.Count == 0)
        {
            return;
        }

        var conditions = _application as IMessageConditions;
        foreach (var (seq, condition) in pending)
        {
            var met = conditions?.IsMet(SessionId, condition) ?? false;
            _store.Resolve(seq, met);
            _log.Event($"Stored conditional message {seq} ({condition}) settled at start: {(met ? "met, resendable" : "void, gap-filled on resend")}");
        }

        _store.Flush(_store.DurableNextTargetMsgSeqNum);
    }
}
