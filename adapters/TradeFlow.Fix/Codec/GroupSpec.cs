namespace TradeFlow.Fix.Codec;

/// <summary>
/// The shape of a repeating group: its NumInGroup tag, the tag that starts every entry, the tags an
/// entry may hold (delimiter and nested count tags included) and the groups nested in an entry.
/// </summary>
/// <param name="CountTag">The NumInGroup tag (e.g. NoPartyIDs 453).</param>
/// <param name="DelimiterTag">The first field of every entry (e.g. PartyID 448).</param>
/// <param name="MemberTags">Every tag an entry may contain, including the delimiter and nested count tags.</param>
/// <param name="NestedGroups">Groups that may appear inside an entry.</param>
public sealed record GroupSpec(int CountTag, int DelimiterTag, IReadOnlySet<int> MemberTags, IReadOnlyList<GroupSpec> NestedGroups)
{
    /// <summary>The nested group whose count tag is <paramref name="countTag"/>, or null.</summary>
    public GroupSpec? FindNested(int countTag)
    {
        var nested = NestedGroups;
        for (var i = 0; i < nested.Count; i++)
        {
            if (nested[i].CountTag == countTag)
            {
                return nested[i];
            }
        }

        return null;
    }
}
