using System.Globalization;
using System.Reflection;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Audit;

/// <summary>
/// Builds a trade's audit trail: its stream (and refusals addressed to its id) from the store, and — by folding
/// accounting and settlement over the history up to its last event — the postings and obligations each event caused.
/// </summary>
internal static class AuditTrail
{
    private static readonly PropertyInfo[] EconomicsFields = typeof(TradeEconomics).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static TradeId ParseTradeId(string text)
    {
        if (TradeId.TryParse(text, out var id))
        {
            return id;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? TradeId.FromInt64(number)
            : throw ReplayException.BadInput($"'{text}' is not a trade id (expected T and twelve digits, e.g. T000000000042, or the number 42).");
    }

    public static IReadOnlyList<AuditEntry> Build(ReplayEnvironment environment, ReplayStore store, ReferenceDataSet referenceData, TradeId id)
    {
        var recorded = store.Read(() => store.Journal.ReadStream("trade-" + id, Direction.Forwards, 0)
            .Concat(store.Journal.ReadStream("rejections-" + id, Direction.Forwards, 0))
            .Where(e => e.Position <= store.Head).OrderBy(e => e.Position.Value).ToList());
        if (recorded.Count == 0)
        {
            throw ReplayException.BadInput($"unknown trade {id}: the store has no stream trade-{id} (nor refusals addressed to it).");
        }

        var positions = recorded.ToDictionary(e => e.Position.Value);
        var projections = new ProjectionSet(referenceData, environment);
        var entries = new List<AuditEntry>(recorded.Count);
        var postingsSeen = 0;
        HistoryFeed.Run(environment, store, "audit", recorded[^1].Position.Value, e =>
        {
            projections.Accounting.Apply(e);
            projections.Settlement.Apply(e);
            var journal = projections.Accounting.Journal;
            if (positions.TryGetValue(e.Position.Value, out var envelope))
            {
                var postings = journal.Skip(postingsSeen).Where(p => p.Position == e.Position).ToList();
                entries.Add(Entry(envelope, e.Event, postings, projections.Settlement.ObligationsOf(id)));
            }

            postingsSeen = journal.Count;
        });
        return entries;
    }

    private static AuditEntry Entry(RecordedEvent envelope, ITradeEvent evt, List<Projections.Accounting.JournalEntry> postings, IReadOnlyList<Projections.Settlement.Obligation> obligations) =>
        new(envelope.Position.Value, envelope.StreamId, envelope.StreamVersion, envelope.Type, envelope.SchemaVersion, envelope.EventId,
            envelope.RecordedTime, envelope.EffectiveTime, envelope.Actor, envelope.Source, envelope.CorrelationId, envelope.CausationId,
            evt is TradeAmended amended ? Changes(amended.Previous, amended.Current) : [], evt, postings, [.. obligations]);

    private static List<FieldChange> Changes(TradeEconomics before, TradeEconomics after) =>
        EconomicsFields
            .Select(p => (p.Name, From: Convert.ToString(p.GetValue(before), CultureInfo.InvariantCulture) ?? string.Empty, To: Convert.ToString(p.GetValue(after), CultureInfo.InvariantCulture) ?? string.Empty))
            .Where(c => c.From != c.To)
            .Select(c => new FieldChange(char.ToLowerInvariant(c.Name[0]) + c.Name[1..], c.From, c.To))
            .ToList();
}
