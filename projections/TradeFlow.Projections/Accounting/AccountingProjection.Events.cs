using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Accounting;

/// <summary>What each event posts.</summary>
public sealed partial class AccountingProjection
{
    /// <inheritdoc />
    public override void Apply(in ProjectionEvent e)
    {
        switch (e.Event)
        {
            case TradeBooked booked:
                OnBooked(e, booked);
                break;
            case TradeAmended amended when Open(amended.TradeId) is { } trade:
                OnChanged(e, trade, TradeLines.Create(trade.TradeId, amended.Current, trade.AssetClass, amended.Notional,
                    _referenceData, _openLineLedgers), EntryKind.Amendment);
                break;
            case TradePartiallyTerminated terminated when Open(terminated.TradeId) is { } trade:
                var remaining = terminated.RemainingQuantity;
                OnChanged(e, trade, TradeLines.Create(trade.TradeId, trade.Economics with { Quantity = remaining },
                    trade.AssetClass, TradeLines.NotionalAt(trade, remaining, _referenceData), _referenceData, _openLineLedgers),
                    EntryKind.PartialTermination);
                break;
            case TradeCancelled cancelled when Open(cancelled.TradeId) is { } trade:
                OnClosed(e, trade, EntryKind.Cancellation);
                break;
            case TradeAllocated allocated when Open(allocated.TradeId) is { } trade:
                // The children's own TradeBooked events post their trade-date entries.
                OnClosed(e, trade, EntryKind.Allocation);
                break;
            case SettlementSettled settled when Open(settled.TradeId) is { } trade:
                OnSettled(e, trade);
                break;
            default:
                // Confirmation, instruction, matching, fails, maturity, rejections and TradeNovated (the
                // successor's TradeBooked carries the novation) move no money and post nothing.
                break;
        }
    }

    private AccountingTradeState? Open(TradeId id) =>
        _trades.TryGetValue(id, out var trade) && !trade.Closed && !trade.Settled ? trade : null;

    private void OnBooked(in ProjectionEvent e, TradeBooked booked)
    {
        if (_trades.ContainsKey(booked.TradeId))
        {
            return;
        }

        var trade = TradeLines.Create(booked.TradeId, booked.Economics, booked.AssetClass, booked.Notional, _referenceData, _openLineLedgers);
        if (booked.NovatedFromTradeId is { } from && Open(from) is { } predecessor)
        {
            OnNovated(e, predecessor, trade);
            return;
        }

        _trades[trade.TradeId] = trade;
        // Line by line from the compact open lines: no array of whole lines is made on any booking or amendment.
        trade.AddOpenLinesTo(_scratch, reversed: false);
        if (!trade.IsFx)
        {
            var inventory = InventoryOf(trade);
            var (cost, realised) = (inventory.Cost, inventory.Realised);
            inventory.Append(MovementOf(trade));
            AddInventoryDeltas(inventory, cost, realised);
        }

        Post(e, trade.TradeId, EntryKind.TradeDate);
    }

    private void OnChanged(in ProjectionEvent e, AccountingTradeState old, AccountingTradeState updated, EntryKind kind)
    {
        old.AddOpenLinesTo(_scratch, reversed: true);
        updated.AddOpenLinesTo(_scratch, reversed: false);
        if (!old.IsFx)
        {
            Move(old, updated.TradeId, updated);
        }

        _trades[updated.TradeId] = updated;
        Post(e, updated.TradeId, kind);
    }

    private void OnNovated(in ProjectionEvent e, AccountingTradeState predecessor, AccountingTradeState successor)
    {
        // The transferee takes over the transferor's claims: the lines move counterparty, the position keeps its place.
        predecessor.AddOpenLinesTo(_scratch, reversed: true);
        successor.AddOpenLinesTo(_scratch, reversed: false);
        if (!predecessor.IsFx)
        {
            Move(predecessor, predecessor.TradeId, successor);
        }

        predecessor.Close();
        _trades[successor.TradeId] = successor;
        Post(e, successor.TradeId, EntryKind.Novation);
    }

    private void OnClosed(in ProjectionEvent e, AccountingTradeState trade, EntryKind kind)
    {
        trade.AddOpenLinesTo(_scratch, reversed: true);
        if (!trade.IsFx)
        {
            Move(trade, trade.TradeId, null);
        }

        trade.Close();
        Post(e, trade.TradeId, kind);
    }

    private void OnSettled(in ProjectionEvent e, AccountingTradeState trade)
    {
        // Settlement turns the receivables and payables into cash; positions were booked on trade date.
        for (var i = 0; i < trade.OpenLineCount; i++)
        {
            var line = trade.OpenLine(i);
            if (line.Account is Account.SettlementReceivable or Account.SettlementPayable)
            {
                _scratch.Add(line.Reversed);
                _scratch.Add(line with { Account = Account.Cash, Counterparty = null });
            }
        }

        // In place: the trade's record is no longer copied to set one flag (readers hold snapshots, see FindTrade).
        trade.Settle();
        Post(e, trade.TradeId, EntryKind.Settlement);
    }

    /// <summary>Replaces <paramref name="old"/>'s movement (found under <paramref name="oldId"/>) by <paramref name="updated"/>'s, or removes it.</summary>
    private void Move(AccountingTradeState old, TradeId oldId, AccountingTradeState? updated)
    {
        var from = InventoryOf(old);
        var sameInventory = updated is not null && updated.Economics.Book == old.Economics.Book;
        var (cost, realised) = (from.Cost, from.Realised);
        if (sameInventory)
        {
            from.Replace(oldId, MovementOf(updated!));
        }
        else
        {
            from.Remove(oldId);
        }

        AddInventoryDeltas(from, cost, realised);
        if (updated is not null && !sameInventory)
        {
            var to = InventoryOf(updated);
            (cost, realised) = (to.Cost, to.Realised);
            to.Append(MovementOf(updated));
            AddInventoryDeltas(to, cost, realised);
        }
    }

    private void AddInventoryDeltas(Inventory inventory, decimal costBefore, decimal realisedBefore)
    {
        var costDelta = inventory.Cost - costBefore;
        var realisedDelta = inventory.Realised - realisedBefore;
        if (costDelta != 0m)
        {
            _scratch.Add(new PostingLine(Account.SecuritiesPosition, inventory.Currency, inventory.Book, null, costDelta));
        }

        if (realisedDelta != 0m)
        {
            // Profit is income: a credit.
            _scratch.Add(new PostingLine(Account.RealisedPnl, inventory.Currency, inventory.Book, null, -realisedDelta));
        }
    }

    private Inventory InventoryOf(AccountingTradeState trade)
    {
        var key = (trade.Economics.Book, trade.Economics.Instrument);
        if (!_inventories.TryGetValue(key, out var inventory))
        {
            inventory = new Inventory(key.Book, key.Instrument, trade.Notional.Currency, _options.MethodFor(key.Book));
            _inventories[key] = inventory;
        }

        return inventory;
    }

    private static InventoryMovement MovementOf(AccountingTradeState trade) =>
        new(trade.Economics.Quantity.Value, trade.Consideration, trade.TradeId, trade.Economics.Side);
}
