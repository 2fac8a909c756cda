using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Tests.Codec;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>Trade-capture messages as a client on session CLIENT1 → TRADEFLOW would send them, for the demo reference data.</summary>
internal static class CaptureMessages
{
    public const string DeutscheBankLei = "7LTWFZYICNSX8D621K86";
    public const string GoldmanLei = "784F5XWPLTWKTBV3E584";

    public static readonly SessionId Client = new("FIX.4.4", "TRADEFLOW", "CLIENT1");

    private static int _seq;

    /// <summary>Parses body fields (after the standard header) into a message with a fresh MsgSeqNum.</summary>
    public static FixMessage Message(string msgType, string body) => FixMessage.Parse(FixText.Frame(
        $"35={msgType}|49=CLIENT1|56=TRADEFLOW|34={Interlocked.Increment(ref _seq)}|52=20250314-09:30:00.000|{body}"));

    public static string Parties(string lei = DeutscheBankLei, string trader = "JSMITH") =>
        $"453=2|448={trader}|447=D|452=12|448={lei}|447=N|452=17|";

    public static FixMessage NewOrder(string clOrdId, string instrument = "48=US0378331005|22=4|55=AAPL|", string qty = "100",
        string price = "190.25", char ordType = '2', string book = "EQ-NY", string? parties = null) =>
        Message("D", $"11={clOrdId}|1={book}|{parties ?? Parties()}{instrument}54=1|60=20250314-09:29:00.000|" +
            $"38={qty}|40={ordType}|44={price}|75=20250314|");

    public static FixMessage Replace(string clOrdId, string origClOrdId, string qty = "150", string? orderId = null) =>
        Message("G", $"{(orderId is null ? "" : $"37={orderId}|")}11={clOrdId}|41={origClOrdId}|1=EQ-NY|{Parties()}" +
            $"48=US0378331005|22=4|55=AAPL|54=1|60=20250314-09:31:00.000|38={qty}|40=2|44=190.25|75=20250314|");

    public static FixMessage Cancel(string clOrdId, string origClOrdId) =>
        Message("F", $"11={clOrdId}|41={origClOrdId}|48=US0378331005|22=4|55=AAPL|54=1|60=20250314-09:32:00.000|38=100|");

    public static FixMessage TradeReport(string reportId, string instrument = "48=US0378331005|22=4|55=AAPL|",
        int transType = 0, string? tradeRef = null, string qty = "200", string? sideText = null) =>
        Message("AE", $"571={reportId}|487={transType}|856=0|570=N|{(tradeRef is null ? "" : $"881={tradeRef}|")}{instrument}" +
            $"32={qty}|31=190.50|75=20250314|60=20250314-09:29:30.000|552=1|54=2|{Parties()}1=EQ-NY|{(sideText is null ? "" : $"58={sideText}|")}");

    public static FixMessage Allocation(string allocId, string blockClOrdId, params (string Book, string Lei, int Qty)[] legs) =>
        Message("J", $"70={allocId}|71=0|626=1|54=1|48=US0378331005|22=4|55=AAPL|53={legs.Sum(l => l.Qty)}|6=190.25|" +
            $"75=20250314|60=20250314-09:40:00.000|73=1|11={blockClOrdId}|78={legs.Length}|" +
            string.Concat(legs.Select(l => $"79={l.Book}|80={l.Qty}|539=1|524={l.Lei}|525=N|538=17|")));
}
