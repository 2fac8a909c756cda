namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Source key → <see cref="RecordedOutcome"/>, for the decision state's idempotency: one entry per command ever decided,
/// never removed. Entries live in fixed chunks of 2,048 (32 bytes each: 64 KB) that are allocated once and never
/// copied by the map; only the buckets (4 bytes per entry, in chunks of 16,384) are rebuilt as the map doubles, from the
/// hash each entry keeps. A <c>Dictionary&lt;string, RecordedOutcome&gt;</c> copied every entry at each resize and kept a
/// second array of buckets alongside: ~100 B allocated per command against ~40 here. Every array here stays under the
/// runtime's 85,000-byte large-object threshold: large objects are charged to the large-object heap's budget, which
/// is small and whose exhaustion forces a blocking gen2 collection of the whole retained state (engine11 traced each
/// saturated round's gen2 to that reason); a small chunk is copied once or twice as gen0 and gen1 promote it, ~64 B per
/// entry in all. The caller computes a key's <see cref="HashOf"/> once and passes it to both the lookup and the insert
/// (the decide stage looks a key up before deciding and records it after), where the dictionary hashed the key twice.
/// Hashes are the runtime's randomized string hash, so a client choosing its keys cannot force collisions. Decide thread
/// only (or recovery before it starts).
/// </summary>
internal sealed class OutcomeMap
{
    private const int ChunkShift = 11;

    /// <summary>Entries per chunk: 64 KB, under the large-object threshold.</summary>
    internal const int ChunkSize = 1 << ChunkShift;

    private const int BucketChunkShift = 14;

    /// <summary>Buckets per chunk of the bucket array: 64 KB, under the large-object threshold.</summary>
    internal const int BucketChunkSize = 1 << BucketChunkShift;

    private Entry[][] _chunks;

    // 1-based entry index of each bucket's first entry (0 = empty), in chunks of BucketChunkSize (one shorter chunk
    // while there are fewer buckets); the bucket count is a power of two.
    private int[][] _buckets;
    private int _bucketCount;

    /// <summary>
    /// Creates an empty map with the entry chunks and buckets for <paramref name="capacity"/> keys allocated now (0: the
    /// first chunk's worth of buckets), so that no bucket rebuild happens below it.
    /// </summary>
    public OutcomeMap(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var chunks = (int)(((long)capacity + ChunkSize - 1) >> ChunkShift);
        _chunks = new Entry[Math.Max(16, chunks)][];
        for (var i = 0; i < chunks; i++)
        {
            _chunks[i] = new Entry[ChunkSize];
        }

        _bucketCount = (int)Math.Max(4096, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Min(capacity, 1 << 30)));
        _buckets = NewBuckets(_bucketCount);
    }

    /// <summary>How many keys.</summary>
    public int Count { get; private set; }

    /// <summary>Every key and its outcome, in insertion order (for the state hash; allocates).</summary>
    public IEnumerable<KeyValuePair<string, RecordedOutcome>> Entries
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                var entry = At(i);
                yield return KeyValuePair.Create(entry.Key, entry.Value);
            }
        }
    }

    /// <summary>The hash <see cref="TryGet"/> and <see cref="Set"/> take for <paramref name="key"/>.</summary>
    public static int HashOf(string key) => StringComparer.Ordinal.GetHashCode(key);

    /// <summary>Finds a key's outcome; <paramref name="hash"/> must be <see cref="HashOf"/> the key.</summary>
    public bool TryGet(string key, int hash, out RecordedOutcome outcome)
    {
        var index = Find(key, hash);
        outcome = index >= 0 ? At(index).Value : default;
        return index >= 0;
    }

    /// <summary>Records a key's outcome, replacing any earlier one; <paramref name="hash"/> must be <see cref="HashOf"/> the key.</summary>
    public void Set(string key, int hash, in RecordedOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = Find(key, hash);
        if (found >= 0)
        {
            At(found).Value = outcome;
            return;
        }

        var index = Count;
        var chunk = index >> ChunkShift;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        _chunks[chunk] ??= (Entry[])NewEntryChunk();
        ref var bucket = ref Bucket(_buckets, hash & (_bucketCount - 1));
        _chunks[chunk][index & (ChunkSize - 1)] = new Entry { Key = key, Value = outcome, Hash = hash, Next = bucket };
        bucket = index + 1;
        Count = index + 1;
        if (Count > _bucketCount)
        {
            Rebucket(_bucketCount * 2);
        }
    }

    private int Find(string key, int hash)
    {
        for (var i = Bucket(_buckets, hash & (_bucketCount - 1)) - 1; i >= 0;)
        {
            ref var entry = ref At(i);
            if (entry.Hash == hash && string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return i;
            }

            i = entry.Next - 1;
        }

        return -1;
    }

    // At most one entry per bucket on average: the chains are rebuilt in place from the stored hashes.
    private void Rebucket(int size)
    {
        var buckets = NewBuckets(size);
        for (var i = 0; i < Count; i++)
        {
            ref var entry = ref At(i);
            ref var bucket = ref Bucket(buckets, entry.Hash & (size - 1));
            entry.Next = bucket;
            bucket = i + 1;
        }

        _buckets = buckets;
        _bucketCount = size;
    }

    private static int[][] NewBuckets(int size)
    {
        var buckets = new int[Math.Max(1, size >> BucketChunkShift)][];
        for (var c = 0; c < buckets.Length; c++)
        {
            buckets[c] = new int[Math.Min(size, BucketChunkSize)];
        }

        return buckets;
    }

    private static ref int Bucket(int[][] buckets, int index) =>
        ref buckets[index >> BucketChunkShift][index & (BucketChunkSize - 1)];

    /// <summary>A new chunk of entries (an <c>Entry[]</c>; typed as an array so tests can check where it lives).</summary>
    internal static Array NewEntryChunk() => new Entry[ChunkSize];

    /// <summary>How many entry chunks are allocated (tests: where the map's own arrays live).</summary>
    internal int EntryChunks => _chunks.Count(c => c is not null);

    /// <summary>The map's entry chunk <paramref name="chunk"/> itself (an <c>Entry[]</c>; tests: its generation).</summary>
    internal Array EntryChunkAt(int chunk) => _chunks[chunk];

    /// <summary>How many bucket chunks the current bucket array has.</summary>
    internal int BucketChunks => _buckets.Length;

    /// <summary>The map's current bucket chunk <paramref name="chunk"/> itself (tests: its generation).</summary>
    internal int[] BucketChunkAt(int chunk) => _buckets[chunk];

    private ref Entry At(int index) => ref _chunks[index >> ChunkShift][index & (ChunkSize - 1)];

    private struct Entry
    {
        public string Key;
        public RecordedOutcome Value;
        public int Hash;
        public int Next;
    }
}
