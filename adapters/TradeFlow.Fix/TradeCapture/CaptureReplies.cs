using System.Globalization;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Writes the replies to a capture: a TradeCaptureReportAck (AR) for an AE; ExecutionReports (8) for orders
/// (new then filled for a booked D, cancelled for F, replaced for G, rejected otherwise) or an
/// OrderCancelReject (9) when a cancel or replace is refused; an AllocationInstructionAck (P) for a J.
/// </summary>
internal sealed class CaptureReplies
{
    private readonly FixFieldWriter _body = new();

    /// <summary>
    /// Writes each reply for <paramref name="request"/> and hands it to <paramref name="sink"/> (message type, body).
    /// Allocates nothing for an accepted AE or D: the body is this instance's buffer, ids are formatted into it.
    /// </summary>
    public void Write<TSink>(CaptureRequest request, in CaptureAnswer answer, DateTime now, TSink sink)
        where TSink : struct, IReplySink
    {
        switch (request.MsgType)
        {
            case MsgTypes.TradeCaptureReport:
                _body.Clear();
                WriteTradeCaptureReportAck(request, answer);
                sink.Send(MsgTypes.TradeCaptureReportAck, _body);
                break;
            case MsgTypes.NewOrderSingle when answer.Accepted:
                // ExecIDs name the trade: N- for the new report, F- for the fill.
                SendExecution(sink, request, answer, now, '0', '0', 'N');
                SendExecution(sink, request, answer, now, 'F', '2', 'F');
                break;
            case MsgTypes.OrderCancelRequest when answer.Accepted:
                SendExecution(sink, request, answer, now, '4', '4', 'C');
                break;
            case MsgTypes.OrderCancelReplaceRequest when answer.Accepted:
                SendExecution(sink, request, answer, now, '5', '2', 'E');
                break;
            case MsgTypes.OrderCancelRequest or MsgTypes.OrderCancelReplaceRequest:
                _body.Clear();
                WriteCancelReject(request, answer, now);
                sink.Send(MsgTypes.OrderCancelReject, _body);
                break;
            case MsgTypes.NewOrderSingle:
                SendExecution(sink, request, answer, now, '8', '8', 'R');
                break;
            case MsgTypes.AllocationInstruction:
                _body.Clear();
                WriteAllocationAck(request, answer, now);
                sink.Send(MsgTypes.AllocationInstructionAck, _body);
                break;
        }
    }

    private void SendExecution<TSink>(TSink sink, CaptureRequest request, in CaptureAnswer answer, DateTime now,
        char execType, char ordStatus, char execIdPrefix)
        where TSink : struct, IReplySink
    {
        _body.Clear();
        WriteExecution(request, answer, now, execType, ordStatus, execIdPrefix);
        sink.Send(MsgTypes.ExecutionReport, _body);
    }

    private void WriteTradeCaptureReportAck(CaptureRequest request, in CaptureAnswer answer)
    {
        _body.Add(Tags.TradeReportID, request.ClientId);
        if (answer.TradeId != default)
        {
            // FIX 4.4 has no TradeID (1003 came with 5.0): the receiver's own id of a report is SecondaryTradeReportID.
            WriteTradeId(TradeCaptureTags.SecondaryTradeReportID, default, answer.TradeId);
        }

        _body.Add(Tags.TradeReportTransType, request.Echo.TradeReportTransType);
        // ExecType (150) is required in an AR: what happened to the trade — booked (F), replaced (5), cancelled (4) — or rejected (8).
        _body.Add(Tags.ExecType, !answer.Accepted ? '8' : request.Echo.TradeReportTransType switch { 1 => '4', 2 => '5', _ => 'F' });
        WriteInstrument(request.Echo);
        _body.Add(Tags.TrdRptStatus, answer.Accepted ? 0 : 1);
        if (!answer.Accepted)
        {
            _body.Add(Tags.TradeReportRejectReason, RejectReasonCodes.TradeReportRejectReason(answer.Reason));
        }

        WriteText(answer);
    }

    private void WriteExecution(CaptureRequest request, in CaptureAnswer answer, DateTime now, char execType, char ordStatus,
        char execIdPrefix)
    {
        var echo = request.Echo;
        var done = ordStatus is '2';
        WriteOrderId(answer.TradeId);
        _body.Add(Tags.ClOrdID, request.ClientId);
        if (request.OrigClientId is { } original)
        {
            _body.Add(Tags.OrigClOrdID, original);
        }

        WriteExecId(execIdPrefix, answer.TradeId, request.ClientId);
        _body.Add(Tags.ExecType, execType);
        _body.Add(Tags.OrdStatus, ordStatus);
        if (execType == '8')
        {
            _body.Add(Tags.OrdRejReason, RejectReasonCodes.OrdRejReason(answer.Reason));
        }

        WriteInstrument(echo);
        _body.Add(Tags.Side, echo.Side == '\0' ? '1' : echo.Side);
        _body.Add(Tags.OrderQty, echo.Quantity);
        _body.Add(Tags.Price, echo.Price);
        if (execType == 'F')
        {
            _body.Add(Tags.LastQty, echo.Quantity);
            _body.Add(Tags.LastPx, echo.Price);
        }

        _body.Add(Tags.LeavesQty, 0m);
        _body.Add(Tags.CumQty, done ? echo.Quantity : 0m);
        _body.Add(Tags.AvgPx, done ? echo.Price : 0m);
        _body.AddUtcTimestamp(Tags.TransactTime, now);
        WriteText(answer);
    }

    private void WriteCancelReject(CaptureRequest request, in CaptureAnswer answer, DateTime now)
    {
        WriteOrderId(answer.TradeId);
        _body.Add(Tags.ClOrdID, request.ClientId);
        _body.Add(Tags.OrigClOrdID, request.OrigClientId ?? "NONE");
        // OrdStatus of the order the cancel was for: a booked trade is a filled order; an unknown one is rejected.
        _body.Add(Tags.OrdStatus, answer.Reason == CaptureRejectReason.UnknownOrder ? '8' : '2');
        _body.Add(Tags.CxlRejResponseTo, request.MsgType == MsgTypes.OrderCancelRequest ? '1' : '2');
        _body.Add(Tags.CxlRejReason, RejectReasonCodes.CxlRejReason(answer.Reason));
        _body.AddUtcTimestamp(Tags.TransactTime, now);
        WriteText(answer);
    }

    private void WriteAllocationAck(CaptureRequest request, in CaptureAnswer answer, DateTime now)
    {
        _body.Add(Tags.AllocID, request.ClientId);
        _body.Add(Tags.TradeDate, request.Echo.TradeDate ?? now.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        _body.AddUtcTimestamp(Tags.TransactTime, now);
        // AllocStatus 0 accepted; 2 account-level reject when an allocation's account or party is refused; 1 block level.
        _body.Add(Tags.AllocStatus, answer.Accepted ? 0 : answer.Reason == CaptureRejectReason.InvalidParty ? 2 : 1);
        if (!answer.Accepted)
        {
            _body.Add(Tags.AllocRejCode, RejectReasonCodes.AllocRejCode(answer.Reason, answer.Reasons));
        }

        WriteText(answer);
    }

    private void WriteInstrument(in CaptureEcho echo)
    {
        _body.Add(Tags.Symbol, echo.Symbol ?? "[N/A]");
        if (echo.SecurityId is { } isin)
        {
            _body.Add(Tags.SecurityID, isin);
            _body.Add(Tags.SecurityIDSource, '4');
        }
    }

    private void WriteText(in CaptureAnswer answer)
    {
        if (!string.IsNullOrEmpty(answer.Text))
        {
            _body.Add(Tags.Text, answer.Text);
        }
    }

    private void WriteOrderId(TradeId tradeId)
    {
        if (tradeId == default)
        {
            _body.Add(Tags.OrderID, "NONE"u8);
        }
        else
        {
            WriteTradeId(Tags.OrderID, default, tradeId);
        }
    }

    // N- and F- (a booked order's reports) name the trade; C-, E- and R- name the client's order.
    private void WriteExecId(char prefix, TradeId tradeId, string clientId)
    {
        Span<char> head = [prefix, '-'];
        if (prefix is 'N' or 'F')
        {
            WriteTradeId(Tags.ExecID, head, tradeId);
        }
        else
        {
            _body.Add(Tags.ExecID, string.Concat(head, clientId));
        }
    }

    // Formatted straight into the body: a string per id per answer was most of the reply thread's garbage.
    private void WriteTradeId(int tag, ReadOnlySpan<char> prefix, TradeId tradeId)
    {
        Span<char> text = stackalloc char[4 + TradeId.TextLength];
        prefix.CopyTo(text);
        _ = tradeId.TryFormat(text[prefix.Length..], out var written);
        Span<byte> ascii = stackalloc byte[text.Length];
        var length = prefix.Length + written;
        for (var i = 0; i < length; i++)
        {
            ascii[i] = (byte)text[i];
        }

        _body.Add(tag, ascii[..length]);
    }
}
