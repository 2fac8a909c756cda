namespace TradeFlow.Domain.Tests.Trades;

/// <summary>Reads the state × command table from docs/lifecycle.md, so the tests run exactly what the doc says.</summary>
internal static class LifecycleTable
{
    public static IReadOnlyList<(string State, string Command, string Outcome)> Cells { get; } = Read();

    private static List<(string, string, string)> Read()
    {
        var lines = File.ReadAllLines(FindDoc());
        var start = Array.FindIndex(lines, l => l.Contains("lifecycle-table:start", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.Contains("lifecycle-table:end", StringComparison.Ordinal));
        var header = Split(lines[start + 1]);
        var cells = new List<(string, string, string)>();
        for (var i = start + 3; i < end; i++)
        {
            var row = Split(lines[i]);
            for (var c = 1; c < row.Length; c++)
            {
                cells.Add((row[0], header[c], row[c]));
            }
        }

        return cells;
    }

    private static string[] Split(string line) =>
        [.. line.Trim().Trim('|').Split('|').Select(s => s.Trim())];

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "lifecycle.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/lifecycle.md not found above " + AppContext.BaseDirectory);
    }
}
