using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// The base of a test class that is a contract over both placements of the check stages (EngineOptions.ChecksOnOneThread):
/// each such class is abstract and nests two sealed runs of it, <c>OneCheckThread</c> and <c>TwoCheckThreads</c>, so every
/// test runs — and is named — once per placement. Its engines start through <see cref="Start"/>.
/// </summary>
public abstract class ChecksPlacementContract
{
    private readonly bool _checksOnOneThread;

    private protected ChecksPlacementContract(bool checksOnOneThread) => _checksOnOneThread = checksOnOneThread;

    /// <summary>Whether this run places risk and compliance on one thread.</summary>
    private protected bool ChecksOnOneThread => _checksOnOneThread;

    /// <summary><see cref="EngineHarness.Start"/> with this run's placement.</summary>
    private protected EngineHarness Start(
        IEventJournal? store = null,
        WashTradeMode washMode = WashTradeMode.Flag,
        int ringSize = 1024,
        IReadOnlyList<IEngineSubscriber>? subscribers = null,
        Action<Exception>? onFault = null,
        PriceBands? priceBands = null) =>
        EngineHarness.Start(store, washMode, ringSize: ringSize, subscribers: subscribers, onFault: onFault,
            priceBands: priceBands, checksOnOneThread: _checksOnOneThread);
}
