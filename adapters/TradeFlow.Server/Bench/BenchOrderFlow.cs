using System.Buffers.Text;
using System.Globalization;
using TradeFlow.Fix.Codec;
using TradeFlow.Server.Demo;

namespace TradeFlow.Server.Bench;

/// <summary>
/// The NewOrderSingles of a bench run on the shipped demo reference data: limit orders at the mark, rotating over
/// Apple (EQ-NY), SAP (EQ-LDN) and EUR/USD spot (FX-LDN) and over the three active counterparties, buy and sell in
/// turn. Sizes are small on purpose: settlement exposure is gross (a sale puts the cash due at risk as much as a
/// purchase puts the securities), so the orders average about 500 USD of exposure and a fresh server takes some
/// 250,000 of them before a counterparty reaches its 50 M USD hard limit. Each ClOrdID is
/// <c>{run id}-{order number}</c>, so a second run against the same server is not answered as a duplicate.
/// </summary>
internal sealed class BenchOrderFlow
{
    private static readonly string[] Counterparties = ["784F5XWPLTWKTBV3E584", "7LTWFZYICNSX8D621K86", "G5GSEF7VJP5I7OUK5573"];

    private static readonly Order[] Orders =
    [
        new("EQ-NY", "JSMITH", "US0378331005", "AAPL", 1m, 191.20m),
        new("EQ-LDN", "JSMITH", "DE0007164600", "SAP", 1m, 246.10m),
        new("FX-LDN", "AKUMAR", null, "EUR/USD", 1_000m, 1.0852m),
    ];

    private static readonly DateTime TransactTime = DemoScenario.TradeDate.ToDateOnly().ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

    private readonly string _runId;

    /// <summary>Creates the flow of one run, whose ClOrdIDs start with <paramref name="runId"/>.</summary>
    public BenchOrderFlow(string runId)
    {
        _runId = runId;
    }

    /// <summary>A new run id: eight hex digits, unique enough for the runs one server sees.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>Writes NewOrderSingle number <paramref name="number"/> of the run into <paramref name="body"/> (cleared first).</summary>
    public void Write(long number, FixFieldWriter body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var order = Orders[number % Orders.Length];
        body.Clear();
        body.Add(Tags.ClOrdID, string.Create(CultureInfo.InvariantCulture, $"{_runId}-{number}"));
        body.Add(1, order.Book);
        body.Add(453, 2);
        body.Add(448, order.Trader);
        body.Add(447, 'D');
        body.Add(452, 12);
        body.Add(448, Counterparties[(number / Orders.Length) % Counterparties.Length]);
        body.Add(447, 'N');
        body.Add(452, 17);
        if (order.Isin is not null)
        {
            body.Add(48, order.Isin);
            body.Add(22, '4');
        }

        body.Add(55, order.Symbol);
        body.Add(54, number % 2 == 0 ? '1' : '2');
        body.AddUtcTimestamp(60, TransactTime);
        body.Add(38, order.Quantity);
        body.Add(40, '2');
        body.Add(44, order.Price);
        body.AddUtcDate(75, DemoScenario.TradeDate.ToDateOnly());
    }

    /// <summary>The order number of <paramref name="clOrdId"/> when it belongs to this run.</summary>
    public bool TryParseNumber(ReadOnlySpan<byte> clOrdId, out long number)
    {
        number = -1;
        var dash = clOrdId.LastIndexOf((byte)'-');
        return dash == _runId.Length
            && RunIdMatches(clOrdId[..dash])
            && Utf8Parser.TryParse(clOrdId[(dash + 1)..], out number, out var consumed)
            && consumed == clOrdId.Length - dash - 1;
    }

    private bool RunIdMatches(ReadOnlySpan<byte> prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] != _runId[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Order(string Book, string Trader, string? Isin, string Symbol, decimal Quantity, decimal Price);
}
