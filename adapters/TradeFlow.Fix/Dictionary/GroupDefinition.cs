using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Dictionary;

/// <summary>A repeating group as the dictionary defines it: its <see cref="GroupSpec"/> and its entry's fields.</summary>
public sealed class GroupDefinition
{
    internal GroupDefinition(string name, GroupSpec spec, FieldSet entry)
    {
        Name = name;
        Spec = spec;
        Entry = entry;
    }

    /// <summary>The NumInGroup field's name (e.g. <c>NoPartyIDs</c>).</summary>
    public string Name { get; }

    /// <summary>The shape the codec reads the group with.</summary>
    public GroupSpec Spec { get; }

    /// <summary>The fields of one entry (the delimiter first), with required fields and nested groups.</summary>
    public FieldSet Entry { get; }
}
