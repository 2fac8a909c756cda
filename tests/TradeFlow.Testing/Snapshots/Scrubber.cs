using System.Text.RegularExpressions;

namespace TradeFlow.Testing.Snapshots;

/// <summary>
/// Replaces volatile values with numbered placeholders, as Verify does: the first distinct GUID
/// becomes <c>Guid_1</c>, the next <c>Guid_2</c>, and a repeated value keeps its number, so the
/// snapshot still shows which values were equal.
/// </summary>
public sealed partial class Scrubber
{
    private readonly Regex _pattern;
    private readonly string _placeholder;

    /// <summary>Creates a scrubber replacing matches of <paramref name="pattern"/> with <c>{placeholder}_n</c>.</summary>
    public Scrubber(Regex pattern, string placeholder)
    {
        _pattern = pattern;
        _placeholder = placeholder;
    }

    /// <summary>GUIDs in their 8-4-4-4-12 form.</summary>
    public static Scrubber Guids { get; } = new(GuidPattern(), "Guid");

    /// <summary>ISO 8601 date-times (with optional fraction and offset), e.g. 2025-03-14T14:30:00+00:00.</summary>
    public static Scrubber DateTimes { get; } = new(DateTimePattern(), "DateTime");

    /// <summary>Verify's defaults: GUIDs and date-times.</summary>
    public static IReadOnlyList<Scrubber> Defaults { get; } = [Guids, DateTimes];

    /// <summary>Applies the scrubber.</summary>
    public string Scrub(string text)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return _pattern.Replace(text, m =>
        {
            if (!numbers.TryGetValue(m.Value, out var n))
            {
                n = numbers.Count + 1;
                numbers[m.Value] = n;
            }

            return $"{_placeholder}_{n}";
        });
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex DateTimePattern();
}
