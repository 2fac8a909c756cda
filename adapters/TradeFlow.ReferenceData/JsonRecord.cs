using System.Globalization;
using System.Text.Json;
using TradeFlow.Domain.ReferenceData;

namespace TradeFlow.ReferenceData;

/// <summary>
/// One JSON object of a reference-data file, read field by field so that every error names the
/// file, the record and the field (a JSON path inside the record). Parsing goes through the
/// domain's own factories, so the file can hold nothing the domain would refuse.
/// </summary>
internal readonly struct JsonRecord
{
    private readonly JsonElement _element;
    private readonly string _path;

    public JsonRecord(string file, string record, JsonElement element, string path = "")
    {
        File = file;
        Record = record;
        _element = element;
        _path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path.Length == 0 ? "(record)" : path, $"must be a JSON object, not {element.ValueKind}");
        }
    }

    public string File { get; }

    public string Record { get; }

    public string Text(string name) => Required(name, JsonValueKind.String).GetString()!;

    public string? OptionalText(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Expect(name, value, JsonValueKind.String).GetString() : null;

    public bool Flag(string name, bool defaultValue)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return defaultValue;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"must be true or false, not {value.ValueKind}"),
        };
    }

    public decimal Number(string name)
    {
        var value = Required(name, JsonValueKind.Number);
        return value.TryGetDecimal(out var number) ? number : throw Error(name, $"{value.GetRawText()} is not a decimal number");
    }

    public int Integer(string name)
    {
        var value = Required(name, JsonValueKind.Number);
        return value.TryGetInt32(out var number) ? number : throw Error(name, $"{value.GetRawText()} is not a whole number");
    }

    /// <summary>Parses a text field with a domain parser; a <see cref="FormatException"/> names the field.</summary>
    public T Parse<T>(string name, Func<string, T> parse) => ParseText(name, Text(name), parse);

    public T? ParseOptional<T>(string name, Func<string, T> parse)
        where T : struct =>
        OptionalText(name) is { } text ? ParseText(name, text, parse) : null;

    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var text = Text(name);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Error(name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    public JsonRecord Object(string name) => new(File, Record, Required(name, JsonValueKind.Object), Qualify(name));

    public JsonRecord? OptionalObject(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonRecord(File, Record, value, Qualify(name))
            : null;

    /// <summary>The items of an array field, each mapped with the item's path ("ssis[2]") for errors.</summary>
    public List<T> Array<T>(string name, Func<JsonElement, string, T> map)
    {
        var array = Required(name, JsonValueKind.Array);
        var items = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add(map(item, $"{Qualify(name)}[{index++}]"));
        }

        return items;
    }

    /// <summary>The properties of an object field ("rates": { "EUR": 1.085 }) as name and value.</summary>
    public IEnumerable<(string Name, JsonElement Value, string Path)> Properties(string name)
    {
        foreach (var property in Required(name, JsonValueKind.Object).EnumerateObject())
        {
            yield return (property.Name, property.Value, $"{Qualify(name)}.{property.Name}");
        }
    }

    /// <summary>Wraps a domain validation failure (the domain names its own field) with the file and record.</summary>
    public ReferenceDataFileException Invalid(ReferenceDataException error) =>
        new(File, Record, string.IsNullOrEmpty(error.Field) ? "(record)" : error.Field, error.Message, error);

    public ReferenceDataFileException Error(string name, string problem) => new(File, Record, Qualify(name), problem);

    public T ParseText<T>(string name, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            throw Error(name, $"'{text}' is invalid: {ex.Message}");
        }
    }

    private JsonElement Required(string name, JsonValueKind kind) =>
        _element.TryGetProperty(name, out var value) ? Expect(name, value, kind) : throw Error(name, "is required");

    private JsonElement Expect(string name, JsonElement value, JsonValueKind kind) =>
        value.ValueKind == kind
            ? value
            : throw Error(name, $"must be a JSON {kind.ToString().ToLower(CultureInfo.InvariantCulture)}, not {value.ValueKind}: {value.GetRawText()}");

    private string Qualify(string name) => _path.Length == 0 ? name : $"{_path}.{name}";
}
