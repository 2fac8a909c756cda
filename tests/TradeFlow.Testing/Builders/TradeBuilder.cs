using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// Builds a <see cref="Trade"/> in any reachable state by driving real commands through the decider,
/// so a test never holds a state the lifecycle could not produce.
/// </summary>
public sealed class TradeBuilder
{
    private BookTradeBuilder _booking = new();
    private TradeStatus _status = TradeStatus.Booked;
    private bool _confirmed;

    /// <summary>Uses the given booking (default: the <see cref="BookTradeBuilder"/> equity).</summary>
    public TradeBuilder WithBooking(Func<BookTradeBuilder, BookTradeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _booking = configure(new BookTradeBuilder());
        return this;
    }

    /// <summary>The status to reach. Settlement states imply confirmation.</summary>
    public TradeBuilder InStatus(TradeStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>Confirms the trade (implied by any settlement state).</summary>
    public TradeBuilder Confirmed(bool confirmed = true)
    {
        _confirmed = confirmed;
        return this;
    }

    /// <summary>Builds the trade on a new driver.</summary>
    public Trade Build() => Build(new LifecycleDriver());

    /// <summary>Builds the trade on <paramref name="driver"/> (so the test can send it further commands).</summary>
    public Trade Build(LifecycleDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var id = driver.Book(_booking.Build());
        var settling = _status is TradeStatus.SettlementInstructed or TradeStatus.SettlementMatched
            or TradeStatus.SettlementFailed or TradeStatus.Settled or TradeStatus.Matured;
        if (_confirmed || settling)
        {
            Expect(driver, new ConfirmTrade(id, driver.NextSourceKey(), driver.Tick(), "MT300-REF"));
        }

        foreach (var command in PathTo(driver, id))
        {
            Expect(driver, command);
        }

        return driver[id];
    }

    private IEnumerable<TradeCommand> PathTo(LifecycleDriver d, TradeId id)
    {
        switch (_status)
        {
            case TradeStatus.Booked:
                yield break;
            case TradeStatus.Cancelled:
                yield return new CancelTrade(id, d.NextSourceKey(), d.Tick(), "Booked in error");
                yield break;
            case TradeStatus.Novated:
                yield return new NovateTrade(id, d.NextSourceKey(), d.Tick(), DemoIds.DeutscheBank);
                yield break;
            case TradeStatus.Allocated:
                var half = Quantity.Of(d[id].Economics.Quantity.Value / 2);
                yield return new AllocateTrade(id, d.NextSourceKey(), d.Tick(),
                [
                    new AllocationLeg(d[id].Economics.Book, DemoIds.GoldmanSachs, half),
                    new AllocationLeg(d[id].Economics.Book, DemoIds.DeutscheBank, d[id].Economics.Quantity - half),
                ]);
                yield break;
        }

        yield return new InstructSettlement(id, d.NextSourceKey(), d.Tick());
        if (_status == TradeStatus.SettlementInstructed)
        {
            yield break;
        }

        yield return new MatchSettlement(id, d.NextSourceKey(), d.Tick(), "CSD-MATCH-1");
        if (_status == TradeStatus.SettlementFailed)
        {
            yield return new FailSettlement(id, d.NextSourceKey(), d.Tick(), "Insufficient securities");
        }
        else if (_status is TradeStatus.Settled or TradeStatus.Matured)
        {
            yield return new SettleTrade(id, d.NextSourceKey(), d.Tick(), d[id].Economics.SettlementDate);
            if (_status == TradeStatus.Matured)
            {
                yield return new MatureTrade(id, d.NextSourceKey(), d.Tick());
            }
        }
    }

    private static void Expect(LifecycleDriver driver, TradeCommand command)
    {
        var decision = driver.Send(command);
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException($"TradeBuilder could not apply {command.Kind}: {decision}");
        }
    }
}
