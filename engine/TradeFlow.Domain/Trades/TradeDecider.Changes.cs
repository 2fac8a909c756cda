using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Cancellation, confirmation, allocation, novation and partial termination.</summary>
public static partial class TradeDecider
{
    private static DecisionResult DecideCancel(Trade trade, CancelTrade command, in DecisionContext context) =>
        string.IsNullOrWhiteSpace(command.Reason)
            ? Reject(command, trade, RejectionCode.InvalidCommand, "a cancellation needs a reason", context)
            : Accept(new TradeCancelled(trade.Id, command.EffectiveTime, command.Reason));

    private static DecisionResult DecideConfirm(Trade trade, ConfirmTrade command, in DecisionContext context) =>
        string.IsNullOrWhiteSpace(command.ConfirmationReference)
            ? Reject(command, trade, RejectionCode.InvalidCommand, "a confirmation needs its reference", context)
            : Accept(new TradeConfirmed(trade.Id, command.EffectiveTime, command.ConfirmationReference));

    private static DecisionResult DecidePartialTermination(Trade trade, PartiallyTerminateTrade command, in DecisionContext context)
    {
        var live = trade.Economics.Quantity;
        var terminated = command.QuantityToTerminate;
        if (terminated.IsZero || terminated >= live)
        {
            return Reject(command, trade, RejectionCode.InvalidQuantity,
                $"the quantity to terminate ({terminated}) must be more than zero and less than the live quantity {live}",
                context);
        }

        return Accept(new TradePartiallyTerminated(trade.Id, command.EffectiveTime, terminated, live - terminated));
    }

    private static DecisionResult DecideNovate(Trade trade, NovateTrade command, in DecisionContext context)
    {
        var newCounterparty = command.NewCounterparty;
        if (newCounterparty == trade.Economics.Counterparty)
        {
            return Reject(command, trade, RejectionCode.SameCounterparty,
                $"{newCounterparty} is already the counterparty", context);
        }

        var data = context.ReferenceData;
        if (!data.TryGetCounterparty(newCounterparty, out var counterparty) || !counterparty.IsActive)
        {
            var code = counterparty is null ? RejectionCode.UnknownCounterparty : RejectionCode.InactiveCounterparty;
            return Reject(command, trade, code, $"the new counterparty {newCounterparty} is unknown or inactive", context);
        }

        if (!data.TryGetInstrument(trade.Economics.Instrument, out var instrument))
        {
            return Reject(command, trade, RejectionCode.UnknownInstrument,
                $"instrument {trade.Economics.Instrument} is no longer in the reference data", context);
        }

        // The bank's practice, and CDM's: the old trade ends, a new one starts with the transferee,
        // unconfirmed, because the transferee must confirm it.
        var newId = context.NextTradeId;
        var economics = trade.Economics with { Counterparty = newCounterparty };
        var notional = instrument.GrossAmount(economics.Quantity, economics.Price);
        ImmutableArray<ITradeEvent> events =
        [
            new TradeNovated(trade.Id, command.EffectiveTime, trade.Economics.Counterparty, newCounterparty, newId),
            new TradeBooked(newId, command.EffectiveTime, economics, trade.AssetClass, notional, NovatedFromTradeId: trade.Id,
                Enrichment: context.EnrichmentOf(command.Kind, economics)),
        ];
        return DecisionResult.Accept(events, tradeIdsUsed: 1);
    }

    private static DecisionResult DecideAllocate(Trade trade, AllocateTrade command, in DecisionContext context)
    {
        var legs = command.Legs.IsDefault ? [] : command.Legs;
        if (ValidateAllocation(trade, command, legs, context) is { } reasons)
        {
            return Reject(command, trade.Id, [.. reasons], context);
        }

        context.ReferenceData.TryGetInstrument(trade.Economics.Instrument, out var instrument);
        var children = ImmutableArray.CreateBuilder<AllocatedChild>(legs.Length);
        var events = ImmutableArray.CreateBuilder<ITradeEvent>(legs.Length + 1);
        events.Add(null!); // the block's TradeAllocated goes first; filled in below once the children exist
        for (var i = 0; i < legs.Length; i++)
        {
            var leg = legs[i];
            var childId = context.NextTradeId.Plus(i);
            var economics = trade.Economics with { Book = leg.Book, Counterparty = leg.Counterparty, Quantity = leg.Quantity };
            children.Add(new AllocatedChild(childId, leg.Book, leg.Counterparty, leg.Quantity));
            events.Add(new TradeBooked(childId, command.EffectiveTime, economics, trade.AssetClass,
                instrument!.GrossAmount(leg.Quantity, economics.Price), ParentTradeId: trade.Id,
                Enrichment: context.EnrichmentOf(command.Kind, economics)));
        }

        events[0] = new TradeAllocated(trade.Id, command.EffectiveTime, children.MoveToImmutable());
        return DecisionResult.Accept(events.MoveToImmutable(), tradeIdsUsed: legs.Length);
    }

    private static List<RejectionReason>? ValidateAllocation(Trade trade, AllocateTrade command,
        ImmutableArray<AllocationLeg> legs, in DecisionContext context)
    {
        var failures = new RejectionCollector(command.Kind, trade.Id, trade);

        if (!context.ReferenceData.TryGetInstrument(trade.Economics.Instrument, out _))
        {
            failures.Fail(RejectionCode.UnknownInstrument, $"instrument {trade.Economics.Instrument} is no longer in the reference data");
        }

        if (legs.Length < 2)
        {
            failures.Fail(RejectionCode.InvalidAllocation, $"an allocation needs at least two children, not {legs.Length}");
        }

        var total = Quantity.Zero;
        foreach (var leg in legs)
        {
            if (leg is null || leg.Quantity.IsZero)
            {
                failures.Fail(RejectionCode.InvalidAllocation, "every child needs a quantity greater than zero");
                continue;
            }

            total += leg.Quantity;
            CheckParties(leg.Counterparty, leg.Book, ref failures, context.ReferenceData);
        }

        if (total != trade.Economics.Quantity)
        {
            failures.Fail(RejectionCode.AllocationMismatch,
                $"the children sum to {total} but the block is {trade.Economics.Quantity}");
        }

        return failures.Reasons;
    }
}
