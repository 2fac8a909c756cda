using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// The cost inventory as it was before mem11, holding its movements as records: the reference the inventory with inline
/// movements (<see cref="Inventory"/>) must fold, read and write exactly as.
/// The cost inventory of one book × instrument. Lots are signed (a short is a lot of negative quantity
/// at negative cost); a trade first closes lots of the opposite sign, then opens a lot with the rest.
/// Every relieved cost is rounded to minor units, so cost and realised P&amp;L stay whole cents and
/// cost − realised always equals buys − sells exactly: the postings balance without a rounding line.
/// </summary>
internal sealed class RecordInventory
{
    private readonly List<Movement> _movements = [];
    private readonly List<(decimal Quantity, decimal Cost)> _lots = [];

    // FIFO consumes lots from the front: the consumed ones are skipped by this index rather than removed one by one
    // (a RemoveAt(0) moved every remaining lot, quadratic in a book that keeps many lots open), and compacted in bulk.
    private int _head;

    public RecordInventory(BookId book, InstrumentId instrument, Currency currency, CostMethod method)
    {
        Book = book;
        Instrument = instrument;
        Currency = currency;
        Method = method;
    }

    public BookId Book { get; }

    public InstrumentId Instrument { get; }

    public Currency Currency { get; }

    public CostMethod Method { get; }

    public IReadOnlyList<Movement> Movements => _movements;

    /// <summary>Position at cost, as computed from the movements.</summary>
    public decimal Cost { get; private set; }

    /// <summary>Cumulative realised P&amp;L (profit positive).</summary>
    public decimal Realised { get; private set; }

    /// <summary>Net quantity (negative when short).</summary>
    public decimal Quantity
    {
        get
        {
            var q = 0m;
            for (var i = _head; i < _lots.Count; i++)
            {
                q += _lots[i].Quantity;
            }

            return q;
        }
    }

    /// <summary>Appends a movement; incremental, equal to a full recompute because it folds in the same order.</summary>
    public void Append(Movement movement)
    {
        _movements.Add(movement);
        Fold(movement);
    }

    /// <summary>Replaces (or with null removes) a trade's movement in place and recomputes from the first movement.</summary>
    public void Replace(TradeId tradeId, Movement? replacement)
    {
        var index = _movements.FindIndex(m => m.TradeId == tradeId);
        if (index < 0)
        {
            return;
        }

        if (replacement is null)
        {
            _movements.RemoveAt(index);
        }
        else
        {
            _movements[index] = replacement;
        }

        Recompute();
    }

    /// <summary>Refolds every movement (after a change in the middle, or a restore).</summary>
    public void Recompute()
    {
        _lots.Clear();
        _head = 0;
        Cost = 0m;
        Realised = 0m;
        foreach (var movement in _movements)
        {
            Fold(movement);
        }
    }

    private void Fold(Movement m)
    {
        var sign = m.Side == Side.Buy ? 1m : -1m;
        var remainingQuantity = m.Quantity;
        var remainingConsideration = m.Consideration;
        while (remainingQuantity > 0m && _head < _lots.Count && Math.Sign(_lots[_head].Quantity) == -(int)sign)
        {
            var (lotQuantity, lotCost) = _lots[_head];
            var take = Math.Min(Math.Abs(lotQuantity), remainingQuantity);
            var relieved = take == Math.Abs(lotQuantity) ? lotCost : Round(lotCost * take / Math.Abs(lotQuantity));
            var portion = take == remainingQuantity ? remainingConsideration : Round(m.Consideration * take / m.Quantity);
            // Closing a long with a sell: profit = proceeds − cost. Closing a short with a buy: profit = short proceeds − price paid.
            Realised -= relieved + (sign * portion);
            Cost -= relieved;
            remainingQuantity -= take;
            remainingConsideration -= portion;
            var left = (lotQuantity + (sign * take), lotCost - relieved);
            if (left.Item1 == 0m)
            {
                ConsumeHead();
            }
            else
            {
                _lots[_head] = left;
            }
        }

        if (remainingQuantity > 0m)
        {
            Open(sign * remainingQuantity, sign * remainingConsideration);
        }
    }

    private void Open(decimal quantity, decimal cost)
    {
        Cost += cost;
        if (Method == CostMethod.WeightedAverage && _lots.Count - _head == 1)
        {
            // One average lot: a new lot of the same sign merges into it, so every unit carries the average cost.
            _lots[_head] = (_lots[_head].Quantity + quantity, _lots[_head].Cost + cost);
            return;
        }

        _lots.Add((quantity, cost));
    }

    private void ConsumeHead()
    {
        _head++;
        if (_head == _lots.Count)
        {
            _lots.Clear();
            _head = 0;
        }
        else if (_head >= 1024 && _head * 2 >= _lots.Count)
        {
            _lots.RemoveRange(0, _head);
            _head = 0;
        }
    }

    private decimal Round(decimal amount) => decimal.Round(amount, Currency.MinorUnits, MidpointRounding.AwayFromZero);
}
