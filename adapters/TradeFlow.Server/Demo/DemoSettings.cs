namespace TradeFlow.Server.Demo;

/// <summary>What the demo runs on: how many captures, where the journal and the reference data live.</summary>
/// <param name="Trades">Ordinary captures to book (the refused ones and the lifecycle commands come on top).</param>
/// <param name="DataDirectory">The data directory; the journal goes to its <c>journal/</c> folder.</param>
/// <param name="ReferenceDataDirectory">The reference-data directory.</param>
/// <param name="Seed">The scenario's random seed: the same seed books the same trades.</param>
/// <param name="WaveSize">Captures per wave; each wave is settled before the next, as a trading day's exposure would be.</param>
internal sealed record DemoSettings(int Trades, string DataDirectory, string ReferenceDataDirectory, int Seed = 20261120, int WaveSize = 500);
