using System.Runtime.InteropServices;

namespace TradeFlow.Projections.Accounting;

/// <summary>Add-to-balance without a second dictionary lookup (the ledger is updated for every posting line).</summary>
internal static class CollectionsMarshalExtensions
{
    public static void AddTo<TKey>(Dictionary<TKey, decimal> balances, TKey key, decimal amount)
        where TKey : notnull
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(balances, key, out _);
        slot += amount;
    }
}
