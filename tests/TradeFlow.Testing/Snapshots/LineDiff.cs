using System.Text;

namespace TradeFlow.Testing.Snapshots;

/// <summary>A readable line diff (longest common subsequence): "- " verified only, "+ " received only.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    public static string Render(string[] expected, string[] actual)
    {
        var edits = Edits(expected, actual);
        var text = new StringBuilder();
        for (var i = 0; i < edits.Count; i++)
        {
            var (kind, line) = edits[i];
            var nearChange = false;
            for (var j = Math.Max(0, i - Context); j <= Math.Min(edits.Count - 1, i + Context); j++)
            {
                nearChange |= edits[j].Kind != ' ';
            }

            if (kind != ' ' || nearChange)
            {
                text.Append(kind).Append(' ').AppendLine(line);
            }
            else if (text.Length > 0 && !text.ToString().EndsWith("...\n", StringComparison.Ordinal))
            {
                text.AppendLine("  ...");
            }
        }

        return text.ToString();
    }

    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x++])); // verified line first, like a unified diff
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }

        return edits;
    }
}
