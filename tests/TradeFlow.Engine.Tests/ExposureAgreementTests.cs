using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// Issue 6: the exposure a risk officer reads must be the exposure the engine checked credit limits against.
/// Random histories run through the real engine (restarts included); the exposure projection then folds the
/// store, and each limit's utilisation in the decision state must equal, to the cent, the settlement risk the
/// projection reports for the counterparties under that limit.
/// </summary>
public sealed class ExposureAgreementTests
{
    private static readonly string[] ReachedEvents =
    [
        "TradeBooked", "TradeAmended", "TradeCancelled", "TradeAllocated", "TradeNovated", "TradePartiallyTerminated",
        "SettlementInstructed", "SettlementMatched", "SettlementFailed", "SettlementSettled", "TradeRejected",
        "CreditLimitChanged",
    ];

    [Fact]
    public void The_engines_limit_utilisation_equals_the_projections_settlement_risk_on_random_histories()
    {
        var data = EngineHistory.DemoWithSterlingLimit();
        Prop.ForAll(EngineHistory.Steps(40).ToArbitrary(), steps =>
        {
            using var history = new EngineHistory(data);
            foreach (var (op, target, variant) in steps)
            {
                history.Run(op, target, variant);
            }

            history.Stop();
            AssertAgreement(history);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Fact]
    public void The_random_engine_histories_reach_every_event_that_moves_exposure_and_the_credit_limit()
    {
        // Guards the property from passing vacuously; a fixed seed keeps the guard deterministic.
        var history = RunSample(seed: 6);

        Assert.Superset(new HashSet<string>(ReachedEvents, StringComparer.Ordinal), history.Types);
        Assert.True(history.CreditRefusals > 0, "no booking or amendment was refused for the credit limit");
        Assert.True(history.NonUsdLimitUsed, "the sterling limit was never utilised");
    }

    private static (HashSet<string> Types, int CreditRefusals, bool NonUsdLimitUsed) RunSample(ulong seed)
    {
        var data = EngineHistory.DemoWithSterlingLimit();
        var types = new HashSet<string>(StringComparer.Ordinal);
        var refusals = 0;
        var sterling = false;
        foreach (var steps in Gen.Sample(EngineHistory.Steps(40), 40, new Rnd(seed), 20))
        {
            using var history = new EngineHistory(data);
            foreach (var (op, target, variant) in steps)
            {
                history.Run(op, target, variant);
            }

            history.Stop();
            types.UnionWith(history.EventTypes);
            refusals += history.CreditRefusals;
            sterling |= history.Harness.Engine.LimitUtilisation().ContainsKey("CL-BARC-GBP");
        }

        return (types, refusals, sterling);
    }

    private static void AssertAgreement(EngineHistory history)
    {
        var engine = history.Harness.Engine.LimitUtilisation();
        var projection = new ExposureProjection(history.ReferenceData);
        ProjectionReplay.Run(projection, history.Store, AsOf.Latest);
        var projected = projection.CounterpartyExposures()
            .GroupBy(x => x.LimitId, StringComparer.Ordinal)
            .Select(g => (Limit: g.Key, Risk: g.Sum(x => x.SettlementRisk)))
            .Where(x => x.Risk != 0m)
            .OrderBy(x => x.Limit, StringComparer.Ordinal)
            .Select(x => (x.Limit, x.Risk));

        Assert.Equal(
            engine.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (Limit: kv.Key, Risk: kv.Value)),
            projected);

        // The limit the projection reports is the one the engine checks against: the latest change, else the reference data's.
        var changed = history.Harness.Engine.DescribeState().Split('\n').Where(l => l.StartsWith("creditlimit ", StringComparison.Ordinal))
            .ToDictionary(l => l.Split(' ')[1], StringComparer.Ordinal);
        foreach (var exposure in projection.CounterpartyExposures())
        {
            var line = changed.GetValueOrDefault(exposure.Counterparty.ToString());
            var hard = history.ReferenceData.TryGetCounterparty(exposure.Counterparty, out var known) ? known.CreditLimit.Hard.Amount : 0m;
            Assert.Equal(line is null ? hard : decimal.Parse(line.Split(' ')[5], System.Globalization.CultureInfo.InvariantCulture),
                exposure.HardLimit);
        }
    }
}
