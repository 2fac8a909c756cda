using System.Collections.Frozen;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Dictionary;

/// <summary>
/// Reads QuickFIX's XML dictionary format: <c>&lt;fields&gt;</c> first (everything else refers to fields by
/// name), then <c>&lt;components&gt;</c> resolved by name wherever referenced (recursively, cycles refused),
/// then header, trailer and messages. Errors name the file, the element and its line.
/// </summary>
internal sealed class DictionaryLoader
{
    private readonly string _source;
    private readonly Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, FieldDefinition> _fieldsByTag = [];
    private readonly Dictionary<string, XElement> _components = new(StringComparer.Ordinal);

    private DictionaryLoader(string source) => _source = source;

    public static DataDictionary Load(Stream xml, string source)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new DataDictionaryException($"{source}: not well-formed XML: {e.Message}", e);
        }

        return new DictionaryLoader(source).Build(document.Root!);
    }

    private DataDictionary Build(XElement root)
    {
        if (root.Name.LocalName != "fix")
        {
            throw Error(root, "the root element must be <fix>");
        }

        var beginString = BeginStringOf(root);
        foreach (var field in Section(root, "fields").Elements("field"))
        {
            AddField(field);
        }

        foreach (var component in root.Element("components")?.Elements("component") ?? [])
        {
            _components[Attribute(component, "name")] = component;
        }

        var header = BuildSet(Section(root, "header"));
        var trailer = BuildSet(Section(root, "trailer"));
        var messages = new Dictionary<string, MessageDefinition>(StringComparer.Ordinal);
        foreach (var message in Section(root, "messages").Elements("message"))
        {
            var definition = new MessageDefinition(Attribute(message, "name"), Attribute(message, "msgtype"),
                (string?)message.Attribute("msgcat") ?? "app", BuildSet(message), message.HasElements);
            if (!messages.TryAdd(definition.MsgType, definition))
            {
                throw Error(message, $"msgtype '{definition.MsgType}' is defined twice");
            }
        }

        return new DataDictionary(_source, beginString, _fieldsByTag, header, trailer, messages);
    }

    private string BeginStringOf(XElement root)
    {
        var type = (string?)root.Attribute("type") ?? "FIX";
        var major = Attribute(root, "major");
        var minor = Attribute(root, "minor");
        return $"{type}.{major}.{minor}";
    }

    private void AddField(XElement element)
    {
        var name = Attribute(element, "name");
        var numberText = Attribute(element, "number");
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var tag) || tag <= 0)
        {
            throw Error(element, $"attribute 'number' is not a positive tag number: '{numberText}'");
        }

        var values = element.Elements("value").Select(v => Attribute(v, "enum")).ToArray();
        var definition = new FieldDefinition(tag, name, FieldTypes.Parse(Attribute(element, "type")), values);
        if (!_fieldsByName.TryAdd(name, definition) || !_fieldsByTag.TryAdd(tag, definition))
        {
            throw Error(element, $"field {name} ({tag}) is defined twice");
        }
    }

    private FieldSet BuildSet(XElement container)
    {
        var builder = new SetBuilder();
        AddMembers(container, builder, required: true, []);
        return builder.ToFieldSet();
    }

    private void AddMembers(XElement container, SetBuilder set, bool required, List<string> componentPath)
    {
        foreach (var child in container.Elements())
        {
            var isRequired = required && (string?)child.Attribute("required") == "Y";
            switch (child.Name.LocalName)
            {
                case "field":
                    set.Add(FieldNamed(child).Tag, isRequired);
                    break;
                case "group":
                    var group = BuildGroup(child, componentPath);
                    set.Add(group.Spec.CountTag, isRequired);
                    set.Groups[group.Spec.CountTag] = group;
                    break;
                case "component":
                    AddComponent(child, set, isRequired, componentPath);
                    break;
                default:
                    throw Error(child, "expected <field>, <group> or <component>");
            }
        }
    }

    private void AddComponent(XElement reference, SetBuilder set, bool required, List<string> componentPath)
    {
        var name = Attribute(reference, "name");
        if (!_components.TryGetValue(name, out var component))
        {
            throw Error(reference, $"component '{name}' is not defined in <components>");
        }

        if (componentPath.Contains(name))
        {
            throw Error(reference, $"component '{name}' refers to itself ({string.Join(" > ", componentPath)} > {name})");
        }

        componentPath.Add(name);
        AddMembers(component, set, required, componentPath);
        componentPath.RemoveAt(componentPath.Count - 1);
    }

    private GroupDefinition BuildGroup(XElement element, List<string> componentPath)
    {
        var count = FieldNamed(element);
        var entry = new SetBuilder();
        AddMembers(element, entry, required: true, componentPath);
        if (entry.Ordered.Count == 0)
        {
            throw Error(element, $"group {count.Name} has no fields");
        }

        var nested = entry.Groups.Values.Select(g => g.Spec).ToArray();
        var spec = new GroupSpec(count.Tag, entry.Ordered[0], entry.Ordered.ToFrozenSet(), nested);
        return new GroupDefinition(count.Name, spec, entry.ToFieldSet());
    }

    private FieldDefinition FieldNamed(XElement element)
    {
        var name = Attribute(element, "name");
        return _fieldsByName.TryGetValue(name, out var field)
            ? field
            : throw Error(element, $"field '{name}' is not defined in <fields>");
    }

    private XElement Section(XElement root, string name) =>
        root.Element(name) ?? throw Error(root, $"missing <{name}> section");

    private string Attribute(XElement element, string name) =>
        (string?)element.Attribute(name) is { Length: > 0 } value
            ? value
            : throw Error(element, $"attribute '{name}' is missing");

    private DataDictionaryException Error(XElement element, string problem)
    {
        var line = element is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber})" : "";
        var name = (string?)element.Attribute("name");
        var described = name is null ? $"<{element.Name.LocalName}>" : $"<{element.Name.LocalName} name='{name}'>";
        return new DataDictionaryException($"{_source}: {described}{line}: {problem}");
    }

    private sealed class SetBuilder
    {
        public List<int> Ordered { get; } = [];

        public List<int> Required { get; } = [];

        public Dictionary<int, GroupDefinition> Groups { get; } = [];

        public void Add(int tag, bool required)
        {
            Ordered.Add(tag);
            if (required)
            {
                Required.Add(tag);
            }
        }

        public FieldSet ToFieldSet() => new([.. Ordered], [.. Required], Groups.ToFrozenDictionary());
    }
}
