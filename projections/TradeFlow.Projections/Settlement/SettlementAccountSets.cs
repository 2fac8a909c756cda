using System.Collections.Immutable;
using TradeFlow.Domain.Events;

namespace TradeFlow.Projections.Settlement;

/// <summary>
/// One shared instance of each distinct set of instructed accounts. Every <see cref="SettlementInstructed"/> is
/// deserialized with its own array, records and strings, and a settlement trade kept them for life: about a quarter of
/// a kilobyte per trade (two currencies' accounts for FX), for values that repeat across every trade of a
/// counterparty, currency and asset class. The sets are equal by value, so the state, its hash and every query are
/// unchanged; only the copies go. Bounded by the distinct SSIs the reference data and the history name.
/// </summary>
internal sealed class SettlementAccountSets
{
    private readonly Dictionary<ImmutableArray<SettlementAccount>, ImmutableArray<SettlementAccount>> _sets =
        new(SequenceComparer.Instance);

    /// <summary>The shared instance equal to <paramref name="accounts"/> (the first seen becomes it).</summary>
    public ImmutableArray<SettlementAccount> Intern(ImmutableArray<SettlementAccount> accounts)
    {
        if (accounts.IsDefaultOrEmpty)
        {
            return accounts;
        }

        if (_sets.TryGetValue(accounts, out var shared))
        {
            return shared;
        }

        _sets.Add(accounts, accounts);
        return accounts;
    }

    /// <summary>Forgets every set (the projection was reset).</summary>
    public void Clear() => _sets.Clear();

    // Value equality of the sequence, element by element (the records compare currency, account and BIC).
    private sealed class SequenceComparer : IEqualityComparer<ImmutableArray<SettlementAccount>>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(ImmutableArray<SettlementAccount> x, ImmutableArray<SettlementAccount> y) =>
            x.AsSpan().SequenceEqual(y.AsSpan());

        public int GetHashCode(ImmutableArray<SettlementAccount> obj)
        {
            var hash = new HashCode();
            foreach (var account in obj)
            {
                hash.Add(account);
            }

            return hash.ToHashCode();
        }
    }
}
