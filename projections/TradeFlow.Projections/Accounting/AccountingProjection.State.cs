using System.Collections.Immutable;
using System.Text.Json;
using TradeFlow.Projections.Runtime.StateJson;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Accounting;

/// <summary>Capture and restore of the canonical state.</summary>
public sealed partial class AccountingProjection
{
    /// <inheritdoc />
    /// <remarks>
    /// The document is written with an empty journal — the journal is its last member, so it ends in <c>[]}</c> — all
    /// but those three bytes go out, then the kept journal's entries (spilled, or written from the compact in-memory
    /// form without a record per entry), then <c>]}</c>: the same bytes as the document with the journal inline.
    /// </remarks>
    public override void WriteState(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_journal is null)
        {
            base.WriteState(output);
            return;
        }

        var head = new HoldBackStream(output, 3);
        JsonSerializer.Serialize(head, Document([]), ProjectionStateJson.WriteOptions);
        if (!head.HeldBack.SequenceEqual("[]}"u8))
        {
            throw new InvalidOperationException("The accounting document no longer ends with its journal; the journal cannot be spliced in.");
        }

        _journal.CopyTo(output);
        output.Write("]}"u8);
    }

    /// <inheritdoc />
    protected override AccountingDocument Capture() => Document([.. Journal]);

    private AccountingDocument Document(ImmutableArray<JournalEntry> journal) => new(
        _entries,
        [.. _trades.Values.OrderBy(t => t.TradeId)],
        [
            .. _inventories.Values
                .OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument)
                .Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised)),
        ],
        [.. Balances()],
        journal);

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

        foreach (var entry in document.Journal)
        {
            // Into the journal as posted: a restored journal is kept (or spilled) like the entries folded after it.
            _journal?.Add(entry.Number, entry.Position, entry.EventId, entry.TradeId, entry.Kind, entry.EffectiveTime, entry.Lines.AsSpan());
        }
    }
}
