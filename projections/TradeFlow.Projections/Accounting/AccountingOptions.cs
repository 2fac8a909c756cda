using System.Collections.Frozen;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>Accounting policy: the cost method per book, and whether the posting journal is kept in memory.</summary>
public sealed class AccountingOptions
{
    private readonly FrozenDictionary<BookId, CostMethod> _perBook;

    /// <summary>Creates the options.</summary>
    /// <param name="defaultMethod">The cost method of books not listed.</param>
    /// <param name="perBook">Books with their own cost method.</param>
    /// <param name="keepJournal">Keep every journal entry (the audit journal) in the state; the ledger is kept regardless.</param>
    public AccountingOptions(CostMethod defaultMethod = CostMethod.WeightedAverage,
        IEnumerable<KeyValuePair<BookId, CostMethod>>? perBook = null, bool keepJournal = true)
    {
        DefaultMethod = defaultMethod;
        _perBook = (perBook ?? []).ToFrozenDictionary();
        KeepJournal = keepJournal;
    }

    /// <summary>The default options: weighted average everywhere, journal kept.</summary>
    public static AccountingOptions Default { get; } = new();

    /// <summary>The cost method of books not listed.</summary>
    public CostMethod DefaultMethod { get; }

    /// <summary>True when journal entries are kept.</summary>
    public bool KeepJournal { get; }

    /// <summary>
    /// Where the kept journal goes instead of memory: a readable, seekable stream (a temporary file) the entries are
    /// written to as canonical JSON as they are posted. The state, its hash and every view but
    /// <see cref="AccountingProjection.Journal"/> (then empty) stay exactly those of a projection keeping the journal
    /// in memory; memory stays bounded over a long replay. Null (the default): kept in memory. Ignored without
    /// <see cref="KeepJournal"/>.
    /// </summary>
    public Stream? JournalSpill { get; init; }

    /// <summary>The cost method of a book.</summary>
    public CostMethod MethodFor(BookId book) => _perBook.TryGetValue(book, out var method) ? method : DefaultMethod;
}
