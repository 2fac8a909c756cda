using System.Globalization;
using Spectre.Console;
using TradeFlow.Replay.Folding;

namespace TradeFlow.Replay.Output;

/// <summary>The point-in-time views as tables.</summary>
internal static class PointInTimePrinter
{
    public static void Print(IAnsiConsole console, PointInTimeView view)
    {
        console.WriteLine(Text($"replay: {view.Store}; cut: {(view.AtPosition is { } p ? $"position {p}" : string.Empty)}{(view.KnownAt is { } k ? $" known at {k:O}" : string.Empty)}{(view.EffectiveAt is { } e ? $" effective by {e:O}" : string.Empty)}; {view.EventsFolded:N0} of {view.EventsRead:N0} events folded"));
        if (view.CounterpartyExposure is { } exposures)
        {
            var table = ReportConsole.Table("counterparty", "limit", "ccy", "settlement risk", "MTM net", "utilised", "hard limit", "util %", "breach");
            foreach (var x in exposures)
            {
                ReportConsole.Row(table, x.Counterparty.ToString(), x.LimitId, x.Currency.ToString(), N(x.SettlementRisk), N(x.MtmNet), N(x.Utilised), N(x.HardLimit), N(x.UtilisationPercent), x.Breach.ToString());
            }

            console.Write(table.Title("counterparty exposure"));
        }

        if (view.Positions is { } positions)
        {
            var table = ReportConsole.Table("book", "instrument", "ccy", "quantity", "cost", "market value", "unrealised", "realised");
            foreach (var x in positions)
            {
                ReportConsole.Row(table, x.Book.ToString(), x.Instrument.ToString(), x.Currency.ToString(), N(x.Quantity), N(x.Cost), N(x.MarketValue), N(x.UnrealisedPnl), N(x.RealisedPnl));
            }

            console.Write(table.Title("positions"));
        }

        if (view.Ladder is { } ladder)
        {
            var table = ReportConsole.Table("date", "ccy", "receive", "pay", "net");
            foreach (var x in ladder)
            {
                ReportConsole.Row(table, x.Overdue ? "overdue" : x.Date.ToString(), x.Currency.ToString(), N(x.Receive), N(x.Pay), N(x.Net));
            }

            console.Write(table.Title("settlement ladder"));
        }

        if (view.TrialBalance is { } trial)
        {
            var table = ReportConsole.Table("ccy", "debits", "credits", "net");
            foreach (var x in trial)
            {
                ReportConsole.Row(table, x.Currency.ToString(), N(x.Debits), N(x.Credits), N(x.Net));
            }

            console.Write(table.Title("trial balance"));
        }

        foreach (var hash in view.Projections)
        {
            console.WriteLine(Text($"{hash.Name} v{hash.Version} state hash {hash.StateHash}"));
        }
    }

    private static string N(decimal? value) => value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : "-";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
