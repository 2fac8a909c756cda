namespace TradeFlow.Fix.Codec;

/// <summary>
/// Walks repeating groups over a message's field list. An entry starts at the delimiter tag and runs
/// while fields are members of the group (a nested count tag takes its whole nested group with it);
/// it ends at the next delimiter or at the first non-member field, as in FIX's group rules.
/// </summary>
internal static class GroupReader
{
    /// <summary>The outcome of reading one group instance.</summary>
    internal readonly record struct GroupExtent(bool CountIsNumber, int Declared, int Found, int FirstEntry, int End);

    /// <summary>Reads the group whose count field is at <paramref name="countIndex"/>, not past <paramref name="limit"/>.</summary>
    public static GroupExtent Read(FixMessage message, GroupSpec spec, int countIndex, int limit)
    {
        var isNumber = FixValues.TryParseInt(message.ValueAt(countIndex), out var declared);
        var first = countIndex + 1;
        var i = first;
        var found = 0;
        while (i < limit && message.TagAt(i) == spec.DelimiterTag)
        {
            i = EntryEnd(message, spec, i, limit);
            found++;
        }

        return new GroupExtent(isNumber, declared, found, first, i);
    }

    /// <summary>The index just past the entry that starts at <paramref name="start"/>.</summary>
    public static int EntryEnd(FixMessage message, GroupSpec spec, int start, int limit)
    {
        var i = start + 1;
        while (i < limit)
        {
            var tag = message.TagAt(i);
            if (tag == spec.DelimiterTag)
            {
                break;
            }

            var nested = spec.FindNested(tag);
            if (nested is not null)
            {
                i = Read(message, nested, i, limit).End;
                continue;
            }

            if (!spec.MemberTags.Contains(tag))
            {
                break;
            }

            i++;
        }

        return i;
    }

    /// <summary>The start index of entry <paramref name="entry"/> of a group whose first entry starts at <paramref name="first"/>.</summary>
    public static int EntryStart(FixMessage message, GroupSpec spec, int first, int entry, int limit)
    {
        var start = first;
        for (var n = 0; n < entry; n++)
        {
            start = EntryEnd(message, spec, start, limit);
        }

        return start;
    }
}
