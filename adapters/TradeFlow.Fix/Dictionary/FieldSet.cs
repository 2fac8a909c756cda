namespace TradeFlow.Fix.Dictionary;

/// <summary>
/// The fields a header, trailer, message body or group entry may hold: in dictionary order, which are
/// required, and the repeating groups among them (components already resolved into their fields).
/// </summary>
public sealed class FieldSet
{
    // Membership of tags below BitmapTags is one bit test (the validator asks per field, per message).
    private const int BitmapTags = 8192;

    private readonly Dictionary<int, int> _position;
    private readonly ulong[] _members = new ulong[BitmapTags / 64];

    internal FieldSet(int[] ordered, int[] required, IReadOnlyDictionary<int, GroupDefinition> groups)
    {
        Ordered = ordered;
        Required = required;
        RequiredTags = required;
        Groups = groups;
        _position = new Dictionary<int, int>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            _position.TryAdd(ordered[i], i);
            if ((uint)ordered[i] < BitmapTags)
            {
                _members[ordered[i] >> 6] |= 1UL << (ordered[i] & 63);
            }
        }
    }

    /// <summary>Every tag, in the order the dictionary lists them.</summary>
    public IReadOnlyList<int> Ordered { get; }

    /// <summary>The required tags.</summary>
    public IReadOnlyList<int> Required { get; }

    /// <summary>The required tags as an array, so the validator walks them without an enumerator.</summary>
    internal int[] RequiredTags { get; }

    /// <summary>The repeating groups, by their NumInGroup tag.</summary>
    public IReadOnlyDictionary<int, GroupDefinition> Groups { get; }

    /// <summary>Whether <paramref name="tag"/> belongs here.</summary>
    public bool Contains(int tag) =>
        (uint)tag < BitmapTags ? (_members[tag >> 6] & (1UL << (tag & 63))) != 0 : _position.ContainsKey(tag);

    /// <summary>The position of <paramref name="tag"/> in dictionary order, or -1.</summary>
    public int PositionOf(int tag) => _position.TryGetValue(tag, out var position) ? position : -1;

    /// <summary>The group whose NumInGroup tag is <paramref name="countTag"/>, or null.</summary>
    public GroupDefinition? GroupFor(int countTag) => Groups.TryGetValue(countTag, out var group) ? group : null;
}
