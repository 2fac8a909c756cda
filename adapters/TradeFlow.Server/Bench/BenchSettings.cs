namespace TradeFlow.Server.Bench;

/// <summary>What one <c>tradeflow bench e2e</c> run offers, and to whom.</summary>
/// <param name="Sessions">FIX initiator sessions, BENCH1..BENCH<i>S</i>, each offering <paramref name="Rate"/>/<paramref name="Sessions"/> orders a second.</param>
/// <param name="Rate">The offered rate over all sessions, NewOrderSingles a second.</param>
/// <param name="Trades">NewOrderSingles measured, over all sessions.</param>
/// <param name="Warmup">NewOrderSingles sent (at the same rate) and answered before the measured run, not measured.</param>
/// <param name="Target">A running <c>tradeflow serve</c>'s FIX acceptor as <c>host:port</c>; null starts a server in-process.</param>
/// <param name="ReferenceDataDirectory">The reference data of the in-process server (the shipped demo set by default).</param>
internal sealed record BenchSettings(int Sessions, int Rate, int Trades, int Warmup, string? Target, string ReferenceDataDirectory)
{
    /// <summary>The acceptor's CompID the bench sessions log on to.</summary>
    public const string ServerCompId = "TRADEFLOW";

    /// <summary>The CompID of bench session <paramref name="index"/> (0-based): BENCH1, BENCH2, ...</summary>
    public static string ClientCompId(int index) => "BENCH" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
