namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// The ledgers kept lines post to, each stored once and named by its index. A ledger (account × currency × book ×
/// counterparty) repeats on every line that posts to it, and there are as many as the ledger balances have keys —
/// hundreds — against millions of lines.
/// </summary>
internal sealed class LedgerTable
{
    private readonly Dictionary<LedgerKey, int> _indexes = [];
    private readonly List<LedgerKey> _keys = [];

    /// <summary>The ledger at <paramref name="index"/>.</summary>
    public LedgerKey this[int index] => _keys[index];

    /// <summary>The index of <paramref name="key"/>, added on first sight.</summary>
    public int IndexOf(in LedgerKey key)
    {
        if (!_indexes.TryGetValue(key, out var index))
        {
            index = _keys.Count;
            _keys.Add(key);
            _indexes.Add(key, index);
        }

        return index;
    }

    /// <summary>The posting line <paramref name="line"/> stands for, its amount given (a wide line's is held elsewhere).</summary>
    public PostingLine LineOf(in KeptLine line, decimal amount)
    {
        var ledger = _keys[line.Ledger];
        return new PostingLine(ledger.Account, ledger.Currency, ledger.Book, ledger.Counterparty, amount);
    }

    /// <summary>Forgets every ledger.</summary>
    public void Clear()
    {
        _indexes.Clear();
        _keys.Clear();
    }
}
