using System.Diagnostics.CodeAnalysis;
using System.Text;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Dictionary;

/// <summary>
/// A FIX data dictionary in QuickFIX's XML format (the <c>DataDictionary=</c> setting): fields, types and
/// enums, header and trailer, and per message type its fields, required fields and repeating groups.
/// Immutable once loaded, so one instance is shared by every session and thread.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "QuickFIX's name (DataDictionary= setting); the shared FIX API fixes it.")]
public sealed class DataDictionary
{
    private const string ShippedResource = "TradeFlow.Fix.FIX44-TradeFlow.xml";
    private const int MaxMsgTypeLength = 16;

    private static readonly Lazy<DataDictionary> Shipped = new(LoadShipped);

    // Field lookup by tag is an array index for tags below this (every FIX 4.4 tag), a dictionary above.
    private const int IndexedTags = 8192;

    private readonly IReadOnlyDictionary<int, FieldDefinition> _fields;
    private readonly FieldDefinition?[] _fieldsByTag = new FieldDefinition?[IndexedTags];
    private readonly Dictionary<string, MessageDefinition> _messages;
    private readonly Dictionary<string, MessageDefinition>.AlternateLookup<ReadOnlySpan<char>> _messagesBySpan;

    internal DataDictionary(string source, string beginString, IReadOnlyDictionary<int, FieldDefinition> fields,
        FieldSet header, FieldSet trailer, Dictionary<string, MessageDefinition> messages)
    {
        Source = source;
        BeginString = beginString;
        _fields = fields;
        foreach (var (tag, field) in fields)
        {
            if (tag < IndexedTags)
            {
                _fieldsByTag[tag] = field;
            }
        }

        Header = header;
        Trailer = trailer;
        _messages = messages;
        _messagesBySpan = messages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The dictionary TradeFlow ships, <c>fix/FIX44-TradeFlow.xml</c> (an embedded resource).</summary>
    public static DataDictionary TradeFlowFix44 => Shipped.Value;

    /// <summary>Where the dictionary was loaded from (for messages and logs).</summary>
    public string Source { get; }

    /// <summary>The BeginString the dictionary describes, e.g. <c>FIX.4.4</c>.</summary>
    public string BeginString { get; }

    /// <summary>The standard header's fields.</summary>
    public FieldSet Header { get; }

    /// <summary>The standard trailer's fields.</summary>
    public FieldSet Trailer { get; }

    /// <summary>Every message the dictionary lists.</summary>
    public IReadOnlyCollection<MessageDefinition> Messages => _messages.Values;

    /// <summary>Every field the dictionary defines.</summary>
    public IEnumerable<FieldDefinition> Fields => _fields.Values;

    /// <summary>Loads a dictionary file in QuickFIX's XML format.</summary>
    /// <exception cref="DataDictionaryException">The file is malformed; the message names file, element and line.</exception>
    public static DataDictionary Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = File.OpenRead(path);
            return DictionaryLoader.Load(stream, path);
        }
        catch (IOException e)
        {
            throw new DataDictionaryException($"{path}: cannot read the dictionary: {e.Message}", e);
        }
    }

    /// <summary>Loads a dictionary from a stream; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="DataDictionaryException">The XML is malformed.</exception>
    public static DataDictionary Load(Stream xml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return DictionaryLoader.Load(xml, sourceName);
    }

    /// <summary>Whether the dictionary lists <paramref name="msgType"/> (with or without a field list).</summary>
    public bool IsDefinedMessageType(ReadOnlySpan<byte> msgType) => TryGetMessage(msgType, out _);

    /// <summary>The message definition for <paramref name="msgType"/>; no allocation.</summary>
    public bool TryGetMessage(ReadOnlySpan<byte> msgType, out MessageDefinition message)
    {
        message = null!;
        if (msgType.IsEmpty || msgType.Length > MaxMsgTypeLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxMsgTypeLength];
        for (var i = 0; i < msgType.Length; i++)
        {
            chars[i] = (char)msgType[i];
        }

        return _messagesBySpan.TryGetValue(chars[..msgType.Length], out message!);
    }

    /// <summary>The message definition for <paramref name="msgType"/>.</summary>
    public bool TryGetMessage(string msgType, out MessageDefinition message) =>
        _messages.TryGetValue(msgType, out message!);

    /// <summary>The field with tag <paramref name="tag"/>.</summary>
    public bool TryGetField(int tag, out FieldDefinition field)
    {
        if ((uint)tag < IndexedTags)
        {
            field = _fieldsByTag[tag]!;
            return field is not null;
        }

        return _fields.TryGetValue(tag, out field!);
    }

    /// <summary>
    /// The repeating group <paramref name="countTag"/> of message <paramref name="msgType"/> (body, header, or
    /// nested in another group of that message), or null.
    /// </summary>
    public GroupSpec? GetGroup(string msgType, int countTag)
    {
        var group = Header.GroupFor(countTag) ?? Trailer.GroupFor(countTag);
        if (group is null && TryGetMessage(msgType, out var message))
        {
            group = FindGroup(message.Body, countTag);
        }

        return group?.Spec;
    }

    private static GroupDefinition? FindGroup(FieldSet set, int countTag)
    {
        if (set.GroupFor(countTag) is { } direct)
        {
            return direct;
        }

        foreach (var group in set.Groups.Values)
        {
            if (FindGroup(group.Entry, countTag) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static DataDictionary LoadShipped()
    {
        using var stream = typeof(DataDictionary).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new DataDictionaryException($"The shipped dictionary resource {ShippedResource} is missing from the assembly.");
        return DictionaryLoader.Load(stream, "fix/FIX44-TradeFlow.xml (embedded)");
    }

    /// <inheritdoc/>
    public override string ToString() => new StringBuilder().Append(BeginString).Append(" dictionary from ").Append(Source).ToString();
}
