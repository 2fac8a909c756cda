using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// A <see cref="Movement"/> as an inventory holds it: the same four values inline in the inventory's list (48 bytes),
/// where the record was a 64-byte object and an 8-byte reference — one per trade in accounting's cost inventories and
/// another in exposure's positions. Records are made only for readers (<see cref="Inventory.Movements"/>).
/// </summary>
/// <param name="Quantity">The live quantity.</param>
/// <param name="Consideration">The clean consideration, rounded to minor units.</param>
/// <param name="TradeId">The trade.</param>
/// <param name="Side">Buy or sell.</param>
// Declared decimals first so the struct packs to 48 bytes.
internal readonly record struct InventoryMovement(decimal Quantity, decimal Consideration, TradeId TradeId, Side Side)
{
    /// <summary>The movement a record holds.</summary>
    public static InventoryMovement From(Movement movement) =>
        new(movement.Quantity, movement.Consideration, movement.TradeId, movement.Side);

    /// <summary>The record of this movement.</summary>
    public Movement ToRecord() => new(TradeId, Side, Quantity, Consideration);
}
