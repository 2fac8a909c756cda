using Spectre.Console;
using TradeFlow.Replay.Cli;

namespace TradeFlow.Replay.Output;

/// <summary>Spectre consoles over the environment's writers: plain text (no colour), never wrapped.</summary>
internal static class ReportConsole
{
    public static IAnsiConsole For(ReplayEnvironment environment)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(environment.Output),
        });
        // Wide enough that no cell or line is wrapped: reports are read by grep and diff as much as by people.
        console.Profile.Width = 1000;
        return console;
    }

    /// <summary>A table with a plain border and the given column headers.</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        return table;
    }

    /// <summary>Adds a row of plain (escaped) cells.</summary>
    public static void Row(Table table, params string?[] cells) => table.AddRow(cells.Select(c => Markup.Escape(c ?? string.Empty)).ToArray());
}
