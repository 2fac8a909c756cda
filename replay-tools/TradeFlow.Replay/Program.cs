using TradeFlow.Replay.Cli;

// Ctrl-C cancels the running verb, which stops at the next record and exits 130 instead of being killed mid-write.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return ReplayCli.Run(args, ReplayEnvironment.FromConsole(cancellation.Token));
