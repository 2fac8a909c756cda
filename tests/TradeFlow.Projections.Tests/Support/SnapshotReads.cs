using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Runtime;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// The property every in-place fold owes its readers (settlement, exposure): a trade read from the projection equals
/// the record-copying reference fold's trade at that point, and later events do not change what was read.
/// </summary>
internal static class SnapshotReads
{
    /// <summary>A fold as the property drives it: apply an event, find a trade.</summary>
    public readonly record struct Fold(Action<ProjectionEvent> Apply, Func<TradeId, object?> Find);

    /// <summary>Checks the property on random histories, building both folds over each history's reference data.</summary>
    public static void ReadsAreSnapshotsOfTheReferenceFold(Func<LifecycleDriver, Fold> projection, Func<LifecycleDriver, Fold> reference)
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var ours = projection(driver);
            var theirs = reference(driver);
            var seen = new List<(object Read, byte[] Then)>();
            foreach (var e in EventFeed.From(driver.AllEvents))
            {
                ours.Apply(e);
                theirs.Apply(e);
                if (ours.Find(e.Event.TradeId) is { } read)
                {
                    var expected = JsonSerializer.SerializeToUtf8Bytes(theirs.Find(e.Event.TradeId), ProjectionJson.Options);
                    Assert.Equal(expected, Serialize(read));
                    seen.Add((read, expected));
                }
            }

            Assert.All(seen, s => Assert.Equal(s.Then, Serialize(s.Read)));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    // By the read's runtime type, as the test wrote each trade record before (a declared object would write {}).
    private static byte[] Serialize(object read) => JsonSerializer.SerializeToUtf8Bytes(read, read.GetType(), ProjectionJson.Options);
}
