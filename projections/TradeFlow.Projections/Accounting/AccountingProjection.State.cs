using System.Collections.Immutable;
using System.Text.Json;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Accounting;

/// <summary>Capture and restore of the canonical state.</summary>
public sealed partial class AccountingProjection
{
    private const int FlushThreshold = 16 * 1024;
    private static readonly JsonEncodedText EntriesName = JsonEncodedText.Encode("entries");
    private static readonly JsonEncodedText TradesName = JsonEncodedText.Encode("trades");
    private static readonly JsonEncodedText InventoriesName = JsonEncodedText.Encode("inventories");
    private static readonly JsonEncodedText BalancesName = JsonEncodedText.Encode("balances");
    private static readonly JsonEncodedText JournalName = JsonEncodedText.Encode("journal");

    /// <inheritdoc />
    /// <remarks>
    /// Written member by member, the same bytes as the serializer writes <see cref="Capture"/>'s document: the trade
    /// rows straight from the fold's states (no snapshot record per trade), the inventories straight from their inline
    /// movements, the balances through the serializer, and the journal — the document's last member — from where it is kept (spilled, or the compact
    /// in-memory form without a record per entry).
    /// </remarks>
    public override void WriteState(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = ProjectionStateJson.WriteOptions;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder });
        writer.WriteStartObject();
        writer.WriteNumber(EntriesName, _entries);
        writer.WriteStartArray(TradesName);
        foreach (var trade in _trades.Values.OrderBy(t => t.TradeId))
        {
            AccountingTradeRowWriter.WriteRow(writer, trade, options);
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray(InventoriesName);
        foreach (var inventory in SortedInventories())
        {
            // Straight from the inline movements: no InventoryRow nor Movement record per state write.
            InventoryStateWriter.WriteRow(writer, inventory, options, FlushThreshold);
        }

        writer.WriteEndArray();
        writer.WritePropertyName(BalancesName);
        JsonSerializer.Serialize(writer, Balances(), options);
        writer.WritePropertyName(JournalName);
        if (_journal is null)
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
            writer.WriteEndObject();
            return;
        }

        // The journal array is written past the writer, which is left with the name written and never used again.
        writer.Flush();
        _journal.CopyTo(output);
        output.Write("]}"u8);
    }

    /// <inheritdoc />
    protected override AccountingDocument Capture() => Document([.. Journal]);

    private AccountingDocument Document(ImmutableArray<JournalEntry> journal) => new(
        _entries,
        [.. _trades.Values.OrderBy(t => t.TradeId).Select(t => t.ToTrade())],
        SortedInventoryRows(),
        [.. Balances()],
        journal);

    private ImmutableArray<InventoryRow> SortedInventoryRows() =>
    [
        .. SortedInventories().Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised)),
    ];

    private IEnumerable<Inventory> SortedInventories() =>
        _inventories.Values.OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument);

    /// <inheritdoc />
    protected override void Restore(AccountingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _entries = document.Entries;
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = AccountingTradeState.From(trade, _openLineLedgers);
        }

        RestoreInventories(document.Inventories);
        RestoreLedgers(document);
    }

    private void RestoreInventories(ImmutableArray<InventoryRow> rows)
    {
        foreach (var row in rows)
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
    }

    private void RestoreLedgers(AccountingDocument document)
    {
        // A journal of every entry posted (it is kept, in memory or spilled, from the first event) re-posts the ledgers.
        var complete = document.Journal.Length == document.Entries;
        foreach (var entry in document.Journal)
        {
            // Into the journal as posted: a restored journal is kept (or spilled) like the entries folded after it.
            _journal?.Add(entry.Number, entry.Position, entry.EventId, entry.TradeId, entry.Kind, entry.EffectiveTime, entry.Lines.AsSpan());
            if (complete)
            {
                PostToBalances(entry.Lines.AsSpan());
            }
        }

        if (complete)
        {
            CheckBalances(document.Balances);
            return;
        }

        // No journal to re-post (it was not kept): the saved non-zero balances are all there is. A ledger back at zero
        // is then missing, and its zero's decimal scale with it (docs/accounting.md, "Snapshots and restore").
        foreach (var balance in document.Balances)
        {
            _balances[balance.Key] = balance.Balance;
        }
    }

    // The fold's posting (Post) and a restore's re-posting alike. On restore the ledgers are re-posted from the journal
    // rather than read from the saved balances, because the saved balances
    // omit every ledger back at zero and a zero carries its decimal scale (0.00 is not 0): a later posting of 2500000 to
    // a ledger at 0.00 gives 2500000.00, to a missing ledger 2500000. Re-posting in posting order gives back every ledger
    // exactly as the uninterrupted fold holds it, so a restored fold writes the same bytes as one never interrupted.
    private void PostToBalances(ReadOnlySpan<PostingLine> lines)
    {
        foreach (var line in lines)
        {
            CollectionsMarshalExtensions.AddTo(_balances, line.Key, line.Amount);
        }
    }

    private void CheckBalances(ImmutableArray<LedgerBalance> saved)
    {
        foreach (var balance in saved)
        {
            var reposted = _balances.GetValueOrDefault(balance.Key);
            if (reposted != balance.Balance || reposted.Scale != balance.Balance.Scale)
            {
                throw new JsonException(
                    $"Accounting state: ledger {balance.Key} re-posts from the journal to {reposted}, but the saved state says {balance.Balance}.");
            }
        }

        // The saved balances list exactly the non-zero ledgers.
        if (saved.Length != _balances.Count(kv => kv.Value != 0m))
        {
            throw new JsonException("Accounting state: the journal re-posts to non-zero ledgers the saved balances do not list.");
        }
    }
}
