if (args.Length > 0 && args[0] == "--engine-latency")
{
    TradeFlow.Benchmarks.Engine.EngineLatency.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "--postgres-copy-cpu")
{
    TradeFlow.Benchmarks.Postgres.PostgresCopyCpu.Run(args[1..]);
    return;
}

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
