using System.Globalization;
using TradeFlow.Domain.Events;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Replay.Audit;

/// <summary>The audit trail as text: one block per event, its envelope, what changed, and what it posted and obliged.</summary>
internal static class AuditPrinter
{
    public static void Print(TextWriter output, string tradeId, IReadOnlyList<AuditEntry> entries)
    {
        output.WriteLine(Text($"audit trail of trade {tradeId}: {entries.Count} event(s)"));
        IReadOnlyList<Projections.Settlement.Obligation> previous = [];
        foreach (var e in entries)
        {
            output.WriteLine();
            output.WriteLine(Text($"#{e.Position} {e.Stream} v{e.StreamVersion} {e.Type}.v{e.SchemaVersion} event {e.EventId}"));
            output.WriteLine(Text($"  recorded {e.RecordedTime:O}  effective {e.EffectiveTime:O}"));
            output.WriteLine(Text($"  actor {e.Actor ?? "-"}  source {e.Source ?? "-"}"));
            output.WriteLine("  " + Describe(e.Event));
            foreach (var change in e.Changes)
            {
                output.WriteLine(Text($"  changed {change.Field}: {change.From} -> {change.To}"));
            }

            foreach (var posting in e.Postings)
            {
                output.WriteLine(Text($"  posting {posting.Number} {posting.Kind}: {string.Join("; ", posting.Lines.Select(Line))}"));
            }

            // Obligations are shown when an event changes them (the JSON carries them after every event).
            if (e.Obligations.SequenceEqual(previous))
            {
                continue;
            }

            previous = e.Obligations;
            if (e.Obligations.Count == 0)
            {
                output.WriteLine("  obligations: none outstanding");
            }

            foreach (var o in e.Obligations)
            {
                output.WriteLine(Text($"  obligation {o.Kind} {o.Amount} {(o.Instrument is { } i ? i.ToString() : o.Currency.ToString())} value {o.ValueDate} with {o.Counterparty} account {o.Account ?? "MISSING SSI"} status {o.Status}"));
            }
        }
    }

    private static string Line(PostingLine line) =>
        Text($"{(line.Amount >= 0 ? "Dr" : "Cr")} {line.Account} {line.Currency} {Math.Abs(line.Amount)} {line.Book}{(line.Counterparty is { } c ? " " + c : string.Empty)}");

    private static string Describe(ITradeEvent evt) => evt switch
    {
        TradeBooked b => Text($"booked {b.Economics.Side} {b.Economics.Quantity} {b.Economics.Instrument} @ {b.Economics.Price} with {b.Economics.Counterparty} in {b.Economics.Book} by {b.Economics.Trader}, trade date {b.Economics.TradeDate}, settles {b.Economics.SettlementDate}, notional {b.Notional}")
            + (b.ParentTradeId is { } parent ? $", allocated from {parent}" : string.Empty) + (b.NovatedFromTradeId is { } from ? $", novated from {from}" : string.Empty),
        TradeAmended a => Text($"amended, notional now {a.Notional}"),
        TradeCancelled c => "cancelled: " + c.Reason,
        TradeRejected r => Text($"{r.CommandKind} refused: {string.Join("; ", r.Reasons)}"),
        TradeAllocated a => Text($"allocated to {string.Join(", ", a.Children.Select(c => c.ToString()))}"),
        TradeNovated n => Text($"novated from {n.PreviousCounterparty} to {n.NewCounterparty}, continued as {n.NewTradeId}"),
        TradePartiallyTerminated p => Text($"partially terminated {p.TerminatedQuantity}, remaining {p.RemainingQuantity}"),
        SettlementInstructed s => Text($"settlement instructed (attempt {s.Attempt}) to {string.Join(", ", s.Accounts.Select(a => a.ToString()))}"),
        SettlementMatched m => "settlement matched: " + m.MatchReference,
        SettlementSettled s => Text($"settled on {s.SettledOn}"),
        SettlementFailed f => Text($"settlement failed (attempt {f.Attempt}): {f.Reason}"),
        TradeConfirmed c => "confirmed: " + c.ConfirmationReference,
        TradeMatured => "matured",
        _ => evt.ToString() ?? string.Empty,
    };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
