using System.Runtime.CompilerServices;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Accounting;

// mem11: an inventory holds its movements inline (InventoryMovement, 48 bytes) instead of as records (64 bytes and a
// reference); it must fold, read and write exactly as the inventory of records it replaced (kept as RecordInventory).
public class InventoryMovementTests
{
    // Appends, replacements and removals of a handful of trades, at quantities and considerations of varying scale.
    private static Gen<(int Op, int Trade, bool Buy, decimal Quantity, decimal Consideration)[]> Operations { get; } =
        Gen.ArrayOf(
            from op in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
            from trade in Gen.Choose(1, 8)
            from buy in Gen.Elements(true, false)
            from quantity in Gen.Choose(1, 5000).SelectMany(q => Gen.Elements(q * 1m, q * 1.00m, q / 8m))
            from price in Gen.Choose(1, 40000).Select(p => p / 100m)
            select (op, trade, buy, quantity, decimal.Round(quantity * price, 2, MidpointRounding.AwayFromZero)));

    [Fact]
    public void An_inventory_movement_is_48_bytes()
    {
        Assert.Equal(48, Unsafe.SizeOf<InventoryMovement>());
    }

    [Fact]
    public void An_inventory_of_inline_movements_folds_reads_and_writes_as_the_inventory_of_records()
    {
        Prop.ForAll(Operations.ToArbitrary(), Gen.Elements(CostMethod.Fifo, CostMethod.WeightedAverage).ToArbitrary(), (operations, method) =>
        {
            var inline = new Inventory(DemoIds.EquitiesNy, DemoIds.Apple, Currency.USD, method);
            var reference = new RecordInventory(DemoIds.EquitiesNy, DemoIds.Apple, Currency.USD, method);
            foreach (var (op, trade, buy, quantity, consideration) in operations)
            {
                var id = TradeId.FromInt64(trade);
                var movement = new Movement(id, buy ? Side.Buy : Side.Sell, quantity, consideration);
                switch (op)
                {
                    case 0:
                        inline.Append(new InventoryMovement(quantity, consideration, id, movement.Side));
                        reference.Append(movement);
                        break;
                    case 1:
                        inline.Replace(id, new InventoryMovement(quantity, consideration, id, movement.Side));
                        reference.Replace(id, movement);
                        break;
                    default:
                        inline.Remove(id);
                        reference.Replace(id, null);
                        break;
                }

                Assert.Equal(reference.Movements, inline.Movements);
                Assert.Equal(reference.Movements.Any(m => m.TradeId == id), inline.Holds(id));
                Assert.True(Amounts.Identical(reference.Cost, inline.Cost) && Amounts.Identical(reference.Realised, inline.Realised));
                Assert.Equal(reference.Quantity, inline.Quantity);
            }

            var row = new InventoryRow(reference.Book, reference.Instrument, reference.Currency, reference.Method, [.. reference.Movements],
                reference.Cost, reference.Realised);
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(row, ProjectionJson.Options), Written(inline));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_movement_list_holds_what_a_list_holds_across_chunks_through_appends_replacements_and_removals()
    {
        // Up to ~3 chunks of 1,024, removals at random places (the later movements move down across chunk boundaries).
        var step = from op in Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Constant(2)))
                   from at in Gen.Choose(0, 1 << 20)
                   select (op, at);
        Prop.ForAll(Gen.Choose(0, 3500).SelectMany(n => Gen.ArrayOf(step, n)).ToArbitrary(), steps =>
        {
            var list = new MovementList();
            var reference = new List<InventoryMovement>();
            var next = 1L;
            foreach (var (op, at) in steps)
            {
                var movement = new InventoryMovement(next, next * 1.5m, TradeId.FromInt64(next), next % 2 == 0 ? Side.Buy : Side.Sell);
                next++;
                if (op == 0 || reference.Count == 0)
                {
                    list.Add(movement);
                    reference.Add(movement);
                }
                else if (op == 1)
                {
                    list.Set(at % reference.Count, movement);
                    reference[at % reference.Count] = movement;
                }
                else
                {
                    list.RemoveAt(at % reference.Count);
                    reference.RemoveAt(at % reference.Count);
                }
            }

            Assert.Equal(reference.Count, list.Count);
            for (var i = 0; i < reference.Count; i++)
            {
                Assert.Equal(reference[i], list[i]);
                Assert.Equal(i, list.IndexOf(reference[i].TradeId));
            }

            Assert.Equal(-1, list.IndexOf(TradeId.FromInt64(next)));
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }

    private static byte[] Written(Inventory inventory)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ProjectionStateJson.WriteOptions.Encoder }))
        {
            // A small threshold, so the rows are flushed between movements as a large position's are.
            InventoryStateWriter.WriteRow(writer, inventory, ProjectionStateJson.WriteOptions, 64);
        }

        return stream.ToArray();
    }
}
