namespace TradeFlow.Fix.Codec;

public sealed partial class FixMessage
{
    /// <summary>
    /// The repeating group <paramref name="spec"/> at message level; false when its count tag is absent,
    /// not a number, or does not match the entries actually present (a malformed group).
    /// </summary>
    public bool TryGetGroup(GroupSpec spec, out FixGroup group)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TryGetGroup(spec, 0, _fieldCount, out group);
    }

    internal bool TryGetGroup(GroupSpec spec, int start, int end, out FixGroup group)
    {
        group = default;
        var countIndex = IndexOf(spec.CountTag, start, end);
        if (countIndex < 0)
        {
            return false;
        }

        var extent = GroupReader.Read(this, spec, countIndex, end);
        if (!extent.CountIsNumber || extent.Declared != extent.Found)
        {
            return false;
        }

        group = new FixGroup(this, spec, extent.FirstEntry, extent.Found, extent.End);
        return true;
    }
}
