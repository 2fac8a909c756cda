using System.CommandLine;
using TradeFlow.Server.Cli;

var root = new RootCommand("TradeFlow: an event-sourced front-to-back trade lifecycle engine.")
{
    BenchCommand.Create(),
    DemoCommand.Create(),
    ServeCommand.Create(),
    BookCommand.Create(),
};

return root.Parse(args).Invoke();
