using System.Text.Json;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Accounting;

/// <summary>Capture and restore of the canonical state.</summary>
public sealed partial class AccountingProjection
{
    /// <inheritdoc />
    /// <remarks>
    /// With the journal spilled, the document is written with an empty journal — the journal is its last member, so
    /// it ends in <c>[]}</c> — all but those three bytes go out, then the spilled entries, then <c>]}</c>: the same
    /// bytes as the document with the journal inline.
    /// </remarks>
    public override void WriteState(Stream output)
    {
        if (_spill is null)
        {
            base.WriteState(output);
            return;
        }

        ArgumentNullException.ThrowIfNull(output);
        var head = new HoldBackStream(output, 3);
        base.WriteState(head);
        if (!head.HeldBack.SequenceEqual("[]}"u8))
        {
            throw new InvalidOperationException("The accounting document no longer ends with its journal; the spill cannot be spliced in.");
        }

        _spill.CopyTo(output);
        output.Write("]}"u8);
    }

    /// <inheritdoc />
    protected override AccountingDocument Capture() => new(
        _entries,
        [.. _trades.Values.OrderBy(t => t.TradeId)],
        [
            .. _inventories.Values
                .OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument)
                .Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised)),
        ],
        [.. Balances()],
        [.. _journal]);

    /// <inheritdoc />
    protected override void Restore(AccountingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _entries = document.Entries;
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = trade;
        }

        foreach (var row in document.Inventories)
        {
            var inventory = new Inventory(row.Book, row.Instrument, row.Currency, row.Method);
            foreach (var movement in row.Movements)
            {
                inventory.Append(movement);
            }

            if (inventory.Cost != row.Cost || inventory.Realised != row.Realised)
            {
                throw new JsonException(
                    $"Accounting state: inventory {row.Book}/{row.Instrument} refolds to cost {inventory.Cost} and realised " +
                    $"{inventory.Realised}, but the saved state says {row.Cost} and {row.Realised}.");
            }

            _inventories[(row.Book, row.Instrument)] = inventory;
        }

        foreach (var balance in document.Balances)
        {
            _balances[balance.Key] = balance.Balance;
        }

        _journal.AddRange(document.Journal);
    }
}
