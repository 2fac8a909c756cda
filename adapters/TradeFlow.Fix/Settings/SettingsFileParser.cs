using System.Globalization;

namespace TradeFlow.Fix.Settings;

/// <summary>
/// Splits a QuickFIX <c>.cfg</c> text into its <c>[DEFAULT]</c> section and its <c>[SESSION]</c> sections, keeping
/// each line's position for error messages. Blank lines and lines starting with <c>#</c> are comments.
/// </summary>
internal static class SettingsFileParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is only used in messages.</summary>
    public static (Dictionary<string, SettingEntry> Defaults, List<Dictionary<string, SettingEntry>> Sessions) Parse(string text, string file)
    {
        var defaults = NewSection();
        var sessions = new List<Dictionary<string, SettingEntry>>();
        Dictionary<string, SettingEntry>? current = null;
        var section = "";
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                (current, section) = OpenSection(line, file, lineNumber, defaults, sessions);
                continue;
            }

            if (current is null)
            {
                throw new SettingsFormatException($"{file}:{lineNumber}: '{line}' is outside a [DEFAULT] or [SESSION] section");
            }

            AddEntry(current, line, file, lineNumber, section);
        }

        return (defaults, sessions);
    }

    private static (Dictionary<string, SettingEntry>, string) OpenSection(
        string line, string file, int lineNumber, Dictionary<string, SettingEntry> defaults, List<Dictionary<string, SettingEntry>> sessions)
    {
        var name = line.TrimStart('[').TrimEnd(']').Trim();
        if (!line.EndsWith(']'))
        {
            throw new SettingsFormatException($"{file}:{lineNumber}: section header '{line}' lacks its ']'");
        }

        if (name.Equals("DEFAULT", StringComparison.OrdinalIgnoreCase))
        {
            return (defaults, "DEFAULT");
        }

        if (name.Equals("SESSION", StringComparison.OrdinalIgnoreCase))
        {
            var section = NewSection();
            sessions.Add(section);
            return (section, string.Create(CultureInfo.InvariantCulture, $"SESSION {sessions.Count}"));
        }

        throw new SettingsFormatException($"{file}:{lineNumber}: unknown section [{name}] (expected [DEFAULT] or [SESSION])");
    }

    private static void AddEntry(Dictionary<string, SettingEntry> section, string line, string file, int lineNumber, string sectionName)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new SettingsFormatException($"{file}:{lineNumber} [{sectionName}]: '{line}' is not Key=Value");
        }

        var entry = new SettingEntry(line[..eq].Trim(), line[(eq + 1)..].Trim(), file, lineNumber, sectionName);
        if (!SettingsKeys.Used.Contains(entry.Key) && !SettingsKeys.IgnoredQuickFix.Contains(entry.Key))
        {
            throw new SettingsFormatException($"{entry.Where}: unknown key");
        }

        if (section.TryGetValue(entry.Key, out var earlier))
        {
            throw new SettingsFormatException($"{entry.Where}: already set on line {earlier.Line} of this section");
        }

        section.Add(entry.Key, entry);
    }

    private static Dictionary<string, SettingEntry> NewSection() => new(StringComparer.OrdinalIgnoreCase);
}
