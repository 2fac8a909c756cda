using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// The writer's lookup of a commit's streams, done once: each append's <see cref="StreamEntry"/> (null for a new
/// stream) and its name's hash, and the rule that a commit names a stream once, checked on those hashes. It replaces
/// <c>AppendRule.ValidateDistinctStreams</c> (a set of the names, hashing each again) followed by a lookup per append:
/// one hash of each name per commit where there were two, then a third for a new stream (pass <c>engine14</c>). The
/// same checks, in the same order, with the same exceptions: a default append, then a repeated stream, both before
/// any append is decided. Reused across commits; writer only, under the journal's lock.
/// </summary>
internal sealed class CommitStreams
{
    // A repeated stream among a few appends is found by comparing hashes pairwise; above this, through a table.
    private const int PairwiseLimit = 8;

    private StreamEntry?[] _entries = new StreamEntry?[256];
    private int[] _hashes = new int[256];

    // Open addressing over the appends' hashes: slot = append index + 1, 0 empty. After a use only the slots taken
    // are cleared (_slots[i]: append i's slot), so a small commit after one large one clears a few ints, not the
    // table the large one grew. The arrays keep the largest commit's size, as the commit buffer keeps its chunks.
    private int[] _table = new int[512];
    private int[] _slots = new int[256];

    /// <summary>Append <paramref name="i"/>'s stream as the last <see cref="Find"/> found it, null when new.</summary>
    public StreamEntry? Entry(int i) => _entries[i];

    /// <summary>Append <paramref name="i"/>'s stream name hash, for <see cref="JournalIndex.AddNew"/>.</summary>
    public int Hash(int i) => _hashes[i];

    /// <summary>
    /// Looks up every append's stream in <paramref name="index"/>, then throws as <c>AppendRule.ValidateDistinctStreams</c>
    /// does when an append is default or a stream appears twice.
    /// </summary>
    public void Find(IReadOnlyList<StreamAppend> appends, JournalIndex index)
    {
        var count = appends.Count;
        if (count > _entries.Length)
        {
            _entries = new StreamEntry?[Math.Max(count, _entries.Length * 2)];
            _hashes = new int[_entries.Length];
            _slots = new int[_entries.Length];
        }

        for (var i = 0; i < count; i++)
        {
            if (appends[i].Stream is null)
            {
                throw new ArgumentException($"Append {i} is default(StreamAppend).", nameof(appends));
            }
        }

        for (var i = 0; i < count; i++)
        {
            _entries[i] = index.Find(appends[i].Stream, out _hashes[i]);
        }

        if (count <= PairwiseLimit)
        {
            CheckPairwise(appends);
        }
        else
        {
            CheckThroughTable(appends);
        }
    }

    private void CheckPairwise(IReadOnlyList<StreamAppend> appends)
    {
        for (var i = 1; i < appends.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (_hashes[i] == _hashes[j] && string.Equals(appends[i].Stream, appends[j].Stream, StringComparison.Ordinal))
                {
                    ThrowDuplicateStream(appends[i].Stream);
                }
            }
        }
    }

    private void CheckThroughTable(IReadOnlyList<StreamAppend> appends)
    {
        var size = _table.Length;
        while (size < appends.Count * 2)
        {
            size *= 2;
        }

        if (size != _table.Length)
        {
            _table = new int[size];
        }

        var mask = size - 1;
        var placed = 0;
        try
        {
            for (var i = 0; i < appends.Count; i++)
            {
                var slot = _hashes[i] & mask;
                while (_table[slot] != 0)
                {
                    var other = _table[slot] - 1;
                    if (_hashes[other] == _hashes[i] && string.Equals(appends[other].Stream, appends[i].Stream, StringComparison.Ordinal))
                    {
                        ThrowDuplicateStream(appends[i].Stream);
                    }

                    slot = (slot + 1) & mask;
                }

                _table[slot] = i + 1;
                _slots[i] = slot;
                placed = i + 1;
            }
        }
        finally
        {
            for (var i = 0; i < placed; i++)
            {
                _table[_slots[i]] = 0;
            }
        }
    }

    private static void ThrowDuplicateStream(string stream) =>
        throw new ArgumentException($"Stream '{stream}' appears twice in one multi-stream append.", nameof(stream));
}
