using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// The base of a test class that is a contract over every placement of the checks (EngineOptions.CheckPlacement): each
/// such class is abstract and nests three sealed runs of it, <c>OneCheckThread</c>, <c>TwoCheckThreads</c> and
/// <c>ChecksOnDecideThread</c>, so every test runs — and is named — once per placement. Its engines start through <see cref="Start"/>.
/// </summary>
public abstract class ChecksPlacementContract
{
    private protected ChecksPlacementContract(CheckPlacement placement) => Placement = placement;

    /// <summary>Where this run places risk and compliance.</summary>
    private protected CheckPlacement Placement { get; }

    /// <summary><see cref="EngineHarness.Start"/> with this run's placement.</summary>
    private protected EngineHarness Start(
        IEventJournal? store = null,
        WashTradeMode washMode = WashTradeMode.Flag,
        int ringSize = 1024,
        IReadOnlyList<IEngineSubscriber>? subscribers = null,
        Action<Exception>? onFault = null,
        PriceBands? priceBands = null) =>
        EngineHarness.Start(store, washMode, ringSize: ringSize, subscribers: subscribers, onFault: onFault,
            priceBands: priceBands, checkPlacement: Placement);
}
