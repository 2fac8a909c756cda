namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// The read-only <see cref="IList{T}"/> face: LINQ's <c>Skip</c>, <c>Take</c>, <c>Last</c> and <c>ElementAt</c> index an
/// <see cref="IList{T}"/> but enumerate anything else, and enumerating here makes a record per entry — a reader
/// skipping to the newest entries (the audit trail does, once per event) would make every older one again.
/// </summary>
internal sealed partial class KeptJournal : IList<JournalEntry>
{
    /// <inheritdoc />
    public bool IsReadOnly => true;

    /// <inheritdoc />
    JournalEntry IList<JournalEntry>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    /// <inheritdoc />
    public int IndexOf(JournalEntry item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (SameEntry(this[i], item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public bool Contains(JournalEntry item) => IndexOf(item) >= 0;

    /// <inheritdoc />
    public void CopyTo(JournalEntry[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    void ICollection<JournalEntry>.Add(JournalEntry item) => throw ReadOnly();

    void ICollection<JournalEntry>.Clear() => throw ReadOnly();

    bool ICollection<JournalEntry>.Remove(JournalEntry item) => throw ReadOnly();

    void IList<JournalEntry>.Insert(int index, JournalEntry item) => throw ReadOnly();

    void IList<JournalEntry>.RemoveAt(int index) => throw ReadOnly();

    // By value, lines included: the records are made on read, so no two reads share a line array for record equality to see.
    private static bool SameEntry(JournalEntry kept, JournalEntry? item) =>
        item is not null && kept with { Lines = item.Lines } == item && kept.Lines.AsSpan().SequenceEqual(item.Lines.AsSpan());

    private static NotSupportedException ReadOnly() => new("The posting journal is read-only to its readers.");
}
