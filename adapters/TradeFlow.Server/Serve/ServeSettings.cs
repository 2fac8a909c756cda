namespace TradeFlow.Server.Serve;

/// <summary>What <c>tradeflow serve</c> runs on.</summary>
/// <param name="DataDirectory">The embedded journal's data directory (created when missing).</param>
/// <param name="ReferenceDataDirectory">The reference-data files.</param>
/// <param name="FixConfigPath">The FIX sessions, a QuickFIX-format <c>.cfg</c> file.</param>
internal sealed record ServeSettings(string DataDirectory, string ReferenceDataDirectory, string FixConfigPath);
