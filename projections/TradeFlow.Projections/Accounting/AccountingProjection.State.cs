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
    /// rows straight from the fold's states (no snapshot record per trade), the inventories and balances through the
    /// serializer, and the journal — the document's last member — from where it is kept (spilled, or the compact
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
            AccountingTradeStateConverter.WriteRow(writer, trade, options);
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName(InventoriesName);
        JsonSerializer.Serialize(writer, SortedInventoryRows(), options);
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
        .. _inventories.Values
            .OrderBy(i => i.Book.ToString(), StringComparer.Ordinal).ThenBy(i => i.Instrument)
            .Select(i => new InventoryRow(i.Book, i.Instrument, i.Currency, i.Method, [.. i.Movements], i.Cost, i.Realised)),
    ];

    /// <inheritdoc />
    protected override void Restore(AccountingDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _entries = document.Entries;
        foreach (var trade in document.Trades)
        {
            _trades[trade.TradeId] = AccountingTradeState.From(trade);
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
