using System.Text;
using System.Text.Json.Nodes;

namespace TradeFlow.Replay.Tests;

/// <summary>The ways a stored payload is damaged in the property: each a kind of problem <c>verify</c> must judge as the deserializer does.</summary>
public enum PayloadMutationKind
{
    None,
    DropProperty,
    RenameProperty,
    RetypeProperty,
    NullProperty,
    Truncate,
    WrongEnumName,
    EnumNameInOtherCase,
    FlipByte,
    BreakDomainValue,
    AddUnknownProperty,
    DuplicateProperty,
    ReorderProperties,
    Whitespace,
    WrongSchemaVersion,
    EscapeInString,
}

/// <summary>Applies a <see cref="PayloadMutationKind"/> to a payload, choosing where from <c>seed</c>.</summary>
public static class PayloadMutation
{
    private static readonly string[] EnumNames = ["Buy", "Sell", "CashEquity", "GovernmentBond", "FxSpot", "FxForward"];

    public static (byte[] Payload, int Version) Apply(PayloadMutationKind kind, byte[] payload, int version, int seed)
    {
        var random = new Random(seed);
        var text = Encoding.UTF8.GetString(payload);
        return kind switch
        {
            PayloadMutationKind.Truncate => (payload[..random.Next(payload.Length)], version),
            PayloadMutationKind.FlipByte => (FlipByte(payload, random), version),
            PayloadMutationKind.WrongSchemaVersion => (payload, version + (random.Next(2) == 0 ? 1 : -1)),
            PayloadMutationKind.Whitespace => (Encoding.UTF8.GetBytes(text.Replace(",\"", ", \"", StringComparison.Ordinal)), version),
            PayloadMutationKind.WrongEnumName => (Encoding.UTF8.GetBytes(ReplaceEnum(text, random, _ => "Bogus")), version),
            PayloadMutationKind.EnumNameInOtherCase => (Encoding.UTF8.GetBytes(ReplaceEnum(text, random, n => n.ToLowerInvariant())), version),
            PayloadMutationKind.BreakDomainValue => (Encoding.UTF8.GetBytes(BreakValue(text, random)), version),
            PayloadMutationKind.EscapeInString => (Encoding.UTF8.GetBytes(EscapeInString(text, random)), version),
            PayloadMutationKind.None => (payload, version),
            _ => (Encoding.UTF8.GetBytes(EditTree(kind, text, random)), version),
        };
    }

    private static byte[] FlipByte(byte[] payload, Random random)
    {
        var copy = (byte[])payload.Clone();
        if (copy.Length > 0)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static string ReplaceEnum(string text, Random random, Func<string, string> replace)
    {
        var present = EnumNames.Where(n => text.Contains($"\"{n}\"", StringComparison.Ordinal)).ToArray();
        if (present.Length == 0)
        {
            return text;
        }

        var name = present[random.Next(present.Length)];
        return text.Replace($"\"{name}\"", $"\"{replace(name)}\"", StringComparison.Ordinal);
    }

    // One character of one string value changed: an id with a bad check digit, a date that is no date, an amount
    // that is no number — or, as often, a value that is still valid.
    private static string BreakValue(string text, Random random)
    {
        var quotes = Enumerable.Range(0, text.Length).Where(i => text[i] == '"').ToArray();
        if (quotes.Length < 4)
        {
            return text;
        }

        var pair = random.Next(quotes.Length / 2);
        var (start, end) = (quotes[2 * pair] + 1, quotes[(2 * pair) + 1]);
        if (end <= start)
        {
            return text;
        }

        var at = random.Next(start, end);
        var replacement = "0A9Z-.:x "[random.Next(9)];
        return string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1));
    }

    // Something the fast check must not take as plain text, put inside one string (a name or a value): an escape the
    // reader decodes (to the same character or another), one it refuses, a raw control character, a non-ASCII one.
    private static string EscapeInString(string text, Random random)
    {
        var quotes = Enumerable.Range(0, text.Length).Where(i => text[i] == '"').ToArray();
        if (quotes.Length < 2)
        {
            return text;
        }

        var pair = random.Next(quotes.Length / 2);
        var (start, end) = (quotes[2 * pair] + 1, quotes[(2 * pair) + 1]);
        var at = random.Next(start, end + 1);
        string[] inserts = ["\\u0041", "\\\"", "\\\\", "\\/", "\\q", "\\u00", "\u0001", "\u00e9", "\\"];
        var insert = inserts[random.Next(inserts.Length)];
        var replace = at < end && random.Next(2) == 0;
        return string.Concat(text.AsSpan(0, at), insert, text.AsSpan(replace ? at + 1 : at));
    }

    private static string EditTree(PayloadMutationKind kind, string text, Random random)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        var objects = Objects(root).ToList();
        var target = objects[random.Next(objects.Count)];
        if (target.Count == 0)
        {
            return text;
        }

        var property = target.ElementAt(random.Next(target.Count));
        switch (kind)
        {
            case PayloadMutationKind.DropProperty:
                target.Remove(property.Key);
                break;
            case PayloadMutationKind.RenameProperty:
                target.Remove(property.Key);
                target[random.Next(2) == 0 ? property.Key.ToUpperInvariant() : property.Key + "X"] = property.Value;
                break;
            case PayloadMutationKind.RetypeProperty:
                target[property.Key] = random.Next(4) switch { 0 => JsonValue.Create(42), 1 => JsonValue.Create("42"), 2 => JsonValue.Create(true), _ => new JsonArray() };
                break;
            case PayloadMutationKind.NullProperty:
                target[property.Key] = null;
                break;
            case PayloadMutationKind.AddUnknownProperty:
                target["unexpected"] = 1;
                break;
            case PayloadMutationKind.DuplicateProperty:
                return string.Concat(text.AsSpan(0, text.Length - 1), $",\"{property.Key}\":{property.Value?.ToJsonString() ?? "null"}}}");
            case PayloadMutationKind.ReorderProperties:
                target.Remove(property.Key);
                target[property.Key] = property.Value;
                break;
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Objects(p.Value))],
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}
