using System.CommandLine;
using TradeFlow.Replay.Audit;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>audit TRADE_ID</c>: a trade's full history with envelopes, amendments' changes, postings and obligations.</summary>
internal static class AuditVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var trade = new Argument<string>("TRADE_ID") { Description = "The trade, e.g. T000000000042 (or 42)." };
        var command = store.AddTo(new Command("audit", "Show everything that happened to a trade: every event with recorded and effective time, actor, source, changed fields, postings and obligations."));
        command.Arguments.Add(trade);
        command.SetAction(result =>
        {
            var id = AuditTrail.ParseTradeId(result.GetValue(trade)!);
            var referenceData = store.ReferenceData(result);
            using var opened = ReplayStore.Open(store.Store(result));
            var entries = AuditTrail.Build(environment, opened, referenceData, id);
            if (store.Json(result))
            {
                ReplayJson.Write(environment.Output, new { tradeId = id, events = entries });
            }
            else
            {
                AuditPrinter.Print(environment.Output, id.ToString(), entries);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
