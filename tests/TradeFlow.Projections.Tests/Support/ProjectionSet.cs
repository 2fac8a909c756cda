using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Projections.Tests.Support;

public static class ProjectionSet
{
    public static IProjection[] All(ReferenceDataSet data) =>
        [new AccountingProjection(data), new ExposureProjection(data), new SettlementProjection(data)];

    public static Func<IProjection>[] Factories(ReferenceDataSet data) =>
        [() => new AccountingProjection(data), () => new ExposureProjection(data), () => new SettlementProjection(data)];

    public static void Fold(IProjection projection, IEnumerable<ProjectionEvent> events)
    {
        foreach (var e in events)
        {
            projection.Apply(e);
        }
    }
}
