using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Server.Demo;

/// <summary>
/// The demo's commands as a trading system sends them to TradeFlow's FIX gateway: a booking, amendment or
/// cancellation as a TradeCaptureReport (AE) with TradeReportTransType (487) 0 new, 2 replace or 1 cancel — the
/// trade named by the id TradeFlow acked (SecondaryTradeReportRefID 881) — and an allocation as an
/// AllocationInstruction (J) naming the block by OrderID (37) in NoOrders (73). The client ids are the scenario's
/// source keys, so the same command always carries the same TradeReportID or AllocID.
/// </summary>
internal static class DemoFixMessages
{
    private const int TradeReportTransType = 487;
    private const int TradeReportType = 856;
    private const int PreviouslyReported = 570;
    private const int SecondaryTradeReportRefID = 881;
    private const int AllocType = 626;

    /// <summary>The message type and client id (TradeReportID or AllocID) <paramref name="command"/> goes out as.</summary>
    public static (string MsgType, string ClientId) Identify(TradeCommand command) =>
        command is AllocateTrade ? (MsgTypes.AllocationInstruction, command.SourceKey) : (MsgTypes.TradeCaptureReport, command.SourceKey);

    /// <summary>True when the gateway carries <paramref name="command"/> (captures, amends, cancels and allocations).</summary>
    public static bool Carries(TradeCommand command) => command is BookTrade or AmendTrade or CancelTrade or AllocateTrade;

    /// <summary>
    /// Writes <paramref name="command"/> into <paramref name="body"/> (cleared first); <paramref name="terms"/> are the
    /// trade's current economics (what a cancel or allocation restates).
    /// </summary>
    /// <exception cref="ArgumentException">The gateway does not carry the command.</exception>
    public static void Write(TradeCommand command, TradeTerms terms, FixFieldWriter body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(body);
        body.Clear();
        switch (command)
        {
            case BookTrade book:
                WriteReport(body, book.SourceKey, 0, null, book.Terms, book.EffectiveTime, null);
                break;
            case AmendTrade amend:
                WriteReport(body, amend.SourceKey, 2, amend.TradeId, amend.Terms, amend.EffectiveTime, null);
                break;
            case CancelTrade cancel:
                WriteReport(body, cancel.SourceKey, 1, cancel.TradeId, terms, cancel.EffectiveTime, cancel.Reason);
                break;
            case AllocateTrade allocate:
                WriteAllocation(body, allocate, terms);
                break;
            default:
                throw new ArgumentException($"{command.Kind} does not go over FIX in TradeFlow's gateway", nameof(command));
        }
    }

    private static void WriteReport(FixFieldWriter body, string reportId, int transType, TradeId? trade, TradeTerms terms,
        DateTimeOffset effective, string? text)
    {
        body.Add(Tags.TradeReportID, reportId);
        body.Add(TradeReportTransType, transType);
        body.Add(TradeReportType, 0);
        body.Add(PreviouslyReported, 'N');
        if (trade is { } id)
        {
            body.Add(SecondaryTradeReportRefID, id.ToString());
        }

        WriteInstrument(body, terms.Instrument);
        body.Add(Tags.LastQty, terms.Quantity.Value);
        body.Add(Tags.LastPx, terms.Price.Value);
        body.AddUtcDate(Tags.TradeDate, terms.TradeDate.ToDateOnly());
        if (terms.SettlementDate is { } settlement)
        {
            body.AddUtcDate(Tags.SettlDate, settlement.ToDateOnly());
        }

        body.AddUtcTimestamp(Tags.TransactTime, effective.UtcDateTime);
        body.Add(Tags.NoSides, 1);
        body.Add(Tags.Side, terms.Side == Side.Buy ? '1' : '2');
        body.Add(Tags.NoPartyIDs, 2);
        body.Add(Tags.PartyID, terms.Trader.ToString());
        body.Add(Tags.PartyIDSource, 'D');
        body.Add(Tags.PartyRole, 12);
        body.Add(Tags.PartyID, terms.Counterparty.ToString());
        body.Add(Tags.PartyIDSource, 'N');
        body.Add(Tags.PartyRole, 17);
        body.Add(Tags.Account, terms.Book.ToString());
        if (text is not null)
        {
            // FIX 4.4 carries an AE's Text (58) on a side; the gateway journals it as the cancel's reason.
            body.Add(Tags.Text, text);
        }
    }

    private static void WriteAllocation(FixFieldWriter body, AllocateTrade allocate, TradeTerms terms)
    {
        body.Add(Tags.AllocID, allocate.SourceKey);
        body.Add(Tags.AllocTransType, 0);
        body.Add(AllocType, 1);
        body.Add(Tags.Side, terms.Side == Side.Buy ? '1' : '2');
        WriteInstrument(body, terms.Instrument);
        body.Add(Tags.Quantity, terms.Quantity.Value);
        body.Add(Tags.AvgPx, terms.Price.Value);
        body.AddUtcDate(Tags.TradeDate, terms.TradeDate.ToDateOnly());
        body.AddUtcTimestamp(Tags.TransactTime, allocate.EffectiveTime.UtcDateTime);
        body.Add(Tags.NoOrders, 1);
        body.Add(Tags.ClOrdID, "BLOCK-" + allocate.TradeId);
        body.Add(Tags.OrderID, allocate.TradeId.ToString());
        body.Add(Tags.NoAllocs, allocate.Legs.Length);
        foreach (var leg in allocate.Legs)
        {
            body.Add(Tags.AllocAccount, leg.Book.ToString());
            body.Add(Tags.AllocQty, leg.Quantity.Value);
            body.Add(Tags.NoNestedPartyIDs, 1);
            body.Add(Tags.NestedPartyID, leg.Counterparty.ToString());
            body.Add(Tags.NestedPartyIDSource, 'N');
            body.Add(Tags.NestedPartyRole, 17);
        }
    }

    private static void WriteInstrument(FixFieldWriter body, InstrumentId instrument)
    {
        if (instrument.IsIsin)
        {
            body.Add(Tags.SecurityID, instrument.ToString());
            body.Add(Tags.SecurityIDSource, '4');
        }

        body.Add(Tags.Symbol, instrument.ToString());
    }
}
