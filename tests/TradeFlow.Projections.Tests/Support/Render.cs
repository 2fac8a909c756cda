using System.Globalization;
using System.Text;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>Plain-text renderings that tests compare with hand-written expectations.</summary>
public static class Render
{
    public static string Journal(IEnumerable<JournalEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"#{entry.Number} {entry.Kind} {entry.TradeId} @{entry.Position}\n");
            foreach (var line in entry.Lines)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Line(line)}\n");
            }
        }

        return text.ToString();
    }

    public static string Line(PostingLine line) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(line.Amount >= 0 ? "Dr" : "Cr")} {line.Account} {line.Currency} {line.Book}{(line.Counterparty is { } c ? " " + Short(c.ToString()) : "")} {Math.Abs(line.Amount):0.00}");

    public static string Balances(IEnumerable<LedgerBalance> balances) =>
        string.Concat(balances.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.Key.Account} {b.Key.Currency} {b.Key.Book}{(b.Key.Counterparty is { } c ? " " + Short(c.ToString()) : "")} {b.Balance:0.00}\n")));

    private static string Short(string lei) => lei[..4];
}
