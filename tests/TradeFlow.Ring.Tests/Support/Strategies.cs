using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Tests.Support;

public static class Strategies
{
    public static IWaitStrategy Create(string name) => name switch
    {
        "Blocking" => new BlockingWaitStrategy(),
        "Sleeping" => new SleepingWaitStrategy(),
        "Yielding" => new YieldingWaitStrategy(),
        "BusySpin" => new BusySpinWaitStrategy(),
        "Hybrid" => new HybridWaitStrategy(),
        "HybridNoSpin" => new HybridWaitStrategy(spinIterations: 0),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown wait strategy."),
    };
}
