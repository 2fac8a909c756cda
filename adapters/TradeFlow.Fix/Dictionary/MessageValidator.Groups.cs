using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Dictionary;

public sealed partial class MessageValidator
{
    /// <summary>
    /// Validates the group whose count field is at <paramref name="countIndex"/>: the count matches the entries
    /// (16), each entry's fields are checked, in dictionary order (15), not repeated (13), required ones present (1).
    /// </summary>
    private bool TryValidateGroup(FixMessage message, GroupDefinition group, int countIndex, int limit, out int end,
        out ValidationFailure failure)
    {
        var extent = GroupReader.Read(message, group.Spec, countIndex, limit);
        end = extent.End;
        if (extent.Declared != extent.Found)
        {
            return Fail(SessionRejectReasons.IncorrectNumInGroupCount, group.Spec.CountTag, message, out failure);
        }

        var start = extent.FirstEntry;
        while (start < extent.End)
        {
            var entryEnd = GroupReader.EntryEnd(message, group.Spec, start, extent.End);
            if (!TryValidateEntry(message, group.Entry, start, entryEnd, out failure)
                || !CheckEntryRequired(message, group.Entry, start, entryEnd, out failure))
            {
                return false;
            }

            start = entryEnd;
        }

        failure = default;
        return true;
    }

    private bool TryValidateEntry(FixMessage message, FieldSet entry, int start, int end, out ValidationFailure failure)
    {
        var lastPosition = -1;
        for (var i = start; i < end;)
        {
            var tag = message[i].Tag;
            var position = entry.PositionOf(tag);
            if (!CheckField(message, i, tag, definedForMessage: true, unlisted: false, out failure))
            {
                return false;
            }

            if (message.IndexOf(tag, start, i) >= 0)
            {
                return Fail(SessionRejectReasons.TagAppearsMoreThanOnce, tag, message, out failure);
            }

            if (_options.ValidateUnorderedGroupFields && position < lastPosition)
            {
                return Fail(SessionRejectReasons.RepeatingGroupFieldsOutOfOrder, tag, message, out failure);
            }

            lastPosition = position;
            var nested = entry.GroupFor(tag);
            if (nested is null)
            {
                i++;
            }
            else if (!TryValidateGroup(message, nested, i, end, out i, out failure))
            {
                return false;
            }
        }

        failure = default;
        return true;
    }

    private static bool CheckEntryRequired(FixMessage message, FieldSet entry, int start, int end, out ValidationFailure failure)
    {
        failure = default;
        foreach (var tag in entry.RequiredTags)
        {
            if (message.IndexOf(tag, start, end) < 0)
            {
                return Fail(SessionRejectReasons.RequiredTagMissing, tag, message, out failure);
            }
        }

        return true;
    }
}
