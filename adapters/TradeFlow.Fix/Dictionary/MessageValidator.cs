using System.Runtime.CompilerServices;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Dictionary;

/// <summary>
/// Validates a parsed message against a <see cref="DataDictionary"/> with QuickFIX's checks and reject
/// reasons. Checks run in wire order and the first failure wins: structure (8, 9, 35 first: 14), MsgType
/// (11), then per field as QuickFIX's iterate does: value present (4), data format (6), enum (5), defined (3),
/// defined for the message (2), repeated (13), header/body/trailer order (14), group count (16) and group
/// field order (15); finally required fields (1). Allocates nothing when the message is valid.
/// Thread-safe: the only scratch state is per thread.
/// </summary>
public sealed partial class MessageValidator
{
    // Tags below this are tracked in a per-thread stamp table for the repeated-tag check; rarer, larger
    // tags fall back to a scan.
    private const int StampedTags = 8192;
    private const int FirstUserDefinedTag = 5000;

    [ThreadStatic]
    private static int[]? _seen;

    [ThreadStatic]
    private static int _stamp;

    private readonly DataDictionary _dictionary;
    private readonly ValidationOptions _options;

    /// <summary>Creates a validator over <paramref name="dictionary"/> with QuickFIX-named <paramref name="options"/>.</summary>
    public MessageValidator(DataDictionary dictionary, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(options);
        _dictionary = dictionary;
        _options = options;
    }

    /// <summary>The dictionary validated against.</summary>
    public DataDictionary Dictionary => _dictionary;

    /// <summary>True when <paramref name="message"/> is valid; otherwise <paramref name="failure"/> says why.</summary>
    public bool TryValidate(FixMessage message, out ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(message);
        failure = default;
        if (message.FieldCount < 3 || message[2].Tag != Tags.MsgType)
        {
            var reason = message.Contains(Tags.MsgType)
                ? SessionRejectReasons.TagSpecifiedOutOfRequiredOrder
                : SessionRejectReasons.RequiredTagMissing;
            return Fail(reason, Tags.MsgType, message, out failure);
        }

        if (!_dictionary.TryGetMessage(message.MsgType, out var definition))
        {
            return Fail(SessionRejectReasons.InvalidMsgType, Tags.MsgType, message, out failure);
        }

        var seen = NextStamp(out var stamp);
        return WalkTopLevel(message, definition, seen, stamp, out failure)
            && CheckRequired(message, _dictionary.Header, seen, stamp, out failure)
            && (!definition.HasFieldList || CheckRequired(message, definition.Body, seen, stamp, out failure))
            && CheckRequired(message, _dictionary.Trailer, seen, stamp, out failure);
    }

    private bool WalkTopLevel(FixMessage message, MessageDefinition definition, int[] seen, int stamp, out ValidationFailure failure)
    {
        var section = Section.Header;
        var count = message.FieldCount;
        for (var i = 0; i < count;)
        {
            var tag = message[i].Tag;
            var set = SetOf(definition, tag, out var fieldSection);

            // A message listed without fields has unknown groups, so a repeated body tag may be a group member.
            var unlistedBodyField = set is null && !definition.HasFieldList;
            if (!CheckOrder(ref section, fieldSection, tag, message, out failure)
                || !CheckField(message, i, tag, set is not null, !definition.HasFieldList, out failure)
                || !(unlistedBodyField || CheckRepeated(message, i, tag, seen, stamp, out failure)))
            {
                return false;
            }

            var group = set?.GroupFor(tag);
            if (group is null)
            {
                i++;
                continue;
            }

            if (!TryValidateGroup(message, group, i, count, out i, out failure))
            {
                return false;
            }
        }

        failure = default;
        return true;
    }

    /// <summary>The field set <paramref name="tag"/> belongs to: the body first, then header, then trailer.</summary>
    private FieldSet? SetOf(MessageDefinition definition, int tag, out Section section)
    {
        if (definition.Body.Contains(tag))
        {
            section = Section.Body;
            return definition.Body;
        }

        if (_dictionary.Header.Contains(tag))
        {
            section = Section.Header;
            return _dictionary.Header;
        }

        if (_dictionary.Trailer.Contains(tag))
        {
            section = Section.Trailer;
            return _dictionary.Trailer;
        }

        section = Section.Body;
        return null;
    }

    private bool CheckOrder(ref Section section, Section fieldSection, int tag, FixMessage message, out ValidationFailure failure)
    {
        // A header field after the body has begun, or anything after the trailer has begun, is out of order.
        if (_options.ValidateFieldsOutOfOrder && fieldSection < section)
        {
            return Fail(SessionRejectReasons.TagSpecifiedOutOfRequiredOrder, tag, message, out failure);
        }

        section = fieldSection > section ? fieldSection : section;
        failure = default;
        return true;
    }

    /// <param name="message">The message.</param>
    /// <param name="index">The field's index.</param>
    /// <param name="tag">The field's tag.</param>
    /// <param name="definedForMessage">Whether the message type (or header/trailer, or group entry) lists the tag.</param>
    /// <param name="unlisted">
    /// The message type is known but listed without fields (the shipped dictionary's convention for FIX 4.4
    /// messages TradeFlow does not support): only the format of defined fields is checked, so the application
    /// gets the message and answers with BusinessMessageReject.
    /// </param>
    /// <param name="failure">The failure, when the field fails.</param>
    private bool CheckField(FixMessage message, int index, int tag, bool definedForMessage, bool unlisted,
        out ValidationFailure failure)
    {
        failure = default;
        var value = message.ValueAt(index);
        if (value.IsEmpty)
        {
            return !_options.ValidateFieldsHaveValues
                || Fail(SessionRejectReasons.TagSpecifiedWithoutValue, tag, message, out failure);
        }

        var userDefined = tag >= FirstUserDefinedTag;
        if (!_dictionary.TryGetField(tag, out var field))
        {
            var pass = unlisted || (userDefined ? !_options.ValidateUserDefinedFields : _options.AllowUnknownMsgFields);
            // QuickFIX (C++ and .NET) answers a tag its dictionary does not define with 0 "Invalid tag number",
            // not 3 "Undefined Tag": counterparties' operations staff expect QuickFIX's answer.
            return pass || Fail(SessionRejectReasons.InvalidTagNumber, tag, message, out failure);
        }

        if (!FieldTypes.IsValidFormat(field.Type, value))
        {
            return Fail(SessionRejectReasons.IncorrectDataFormat, tag, message, out failure);
        }

        if (!field.IsAllowedValue(value))
        {
            return Fail(SessionRejectReasons.ValueIsIncorrect, tag, message, out failure);
        }

        var tolerated = definedForMessage || unlisted || (userDefined ? !_options.ValidateUserDefinedFields : _options.AllowUnknownMsgFields);
        return tolerated || Fail(SessionRejectReasons.TagNotDefinedForMessageType, tag, message, out failure);
    }

    private static bool CheckRepeated(FixMessage message, int index, int tag, int[] seen, int stamp, out ValidationFailure failure)
    {
        failure = default;
        bool repeated;
        if (tag < StampedTags)
        {
            repeated = seen[tag] == stamp;
            seen[tag] = stamp;
        }
        else
        {
            // Untracked large tag: only a top-level earlier occurrence counts; a group walk never reaches here.
            repeated = message.IndexOf(tag) < index;
        }

        return !repeated || Fail(SessionRejectReasons.TagAppearsMoreThanOnce, tag, message, out failure);
    }

    private static bool CheckRequired(FixMessage message, FieldSet set, int[] seen, int stamp, out ValidationFailure failure)
    {
        failure = default;
        foreach (var tag in set.RequiredTags)
        {
            var present = tag < StampedTags ? seen[tag] == stamp : message.Contains(tag);
            if (!present)
            {
                return Fail(SessionRejectReasons.RequiredTagMissing, tag, message, out failure);
            }
        }

        return true;
    }

    private static int[] NextStamp(out int stamp)
    {
        var seen = _seen ??= new int[StampedTags];
        stamp = ++_stamp;
        if (stamp == int.MaxValue)
        {
            Array.Clear(seen);
            _stamp = stamp = 1;
        }

        return seen;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Fail(int reason, int tag, FixMessage message, out ValidationFailure failure)
    {
        failure = new ValidationFailure(reason, reason == SessionRejectReasons.InvalidMsgType ? 0 : tag,
            message.MsgTypeString, SessionRejectReasons.TextFor(reason));
        return false;
    }

    private enum Section
    {
        Header = 0,
        Body = 1,
        Trailer = 2,
    }
}
