using System.Globalization;

namespace TradeFlow.Fix.Settings;

/// <summary>
/// Typed reads of one session's merged entries (its own over <c>[DEFAULT]</c>); every failure names the entry's
/// file, line, section and key.
/// </summary>
internal sealed class SectionReader
{
    private readonly Dictionary<string, SettingEntry> _entries;
    private readonly string _file;
    private readonly string _section;

    public SectionReader(Dictionary<string, SettingEntry> entries, string file, string section)
    {
        _entries = entries;
        _file = file;
        _section = section;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public string Required(string key) =>
        String(key) ?? throw new SettingsFormatException($"{_file} [{_section}] {key}: required key is missing");

    public string? String(string key) =>
        _entries.TryGetValue(key, out var e) && e.Value.Length > 0 ? e.Value : null;

    public int Int(string key, int fallback, int min = 0, int max = int.MaxValue)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            return fallback;
        }

        if (!int.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Bad(e, "is not a number");
        }

        return value < min || value > max ? throw Bad(e, $"is out of range ({min}..{max})") : value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            return fallback;
        }

        return e.Value switch
        {
            "Y" or "y" => true,
            "N" or "n" => false,
            _ => throw Bad(e, "is not Y or N"),
        };
    }

    public TimeOnly? Time(string key)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            return null;
        }

        return TimeOnly.TryParseExact(e.Value, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw Bad(e, "is not a time of day HH:mm:ss");
    }

    public DayOfWeek? Day(string key)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            return null;
        }

        // QuickFIX accepts the English day name or its first two or three letters (Mo, Mon, Monday).
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (e.Value.Length >= 2 && name.StartsWith(e.Value, StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        throw Bad(e, "is not a day of the week");
    }

    public TimeZoneInfo Zone(string key)
    {
        if (!_entries.TryGetValue(key, out var e))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(e.Value);
        }
        catch (TimeZoneNotFoundException)
        {
            throw Bad(e, "is not a known time zone (use an IANA id such as Europe/London)");
        }
    }

    public ConnectionType Connection()
    {
        var value = Required("ConnectionType");
        return value.ToUpperInvariant() switch
        {
            "ACCEPTOR" => ConnectionType.Acceptor,
            "INITIATOR" => ConnectionType.Initiator,
            _ => throw Bad(_entries["ConnectionType"], "is not acceptor or initiator"),
        };
    }

    public SettingsFormatException Bad(string key, string problem) =>
        _entries.TryGetValue(key, out var e) ? Bad(e, problem) : new SettingsFormatException($"{_file} [{_section}] {key}: {problem}");

    private static SettingsFormatException Bad(SettingEntry e, string problem) => new($"{e.Where}: '{e.Value}' {problem}");
}
