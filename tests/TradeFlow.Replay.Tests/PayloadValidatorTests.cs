using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;
using TradeFlow.Replay.Tests.Support;
using TradeFlow.Replay.Verification;

namespace TradeFlow.Replay.Tests;

/// <summary>
/// The specification of <c>verify</c>'s fast payload check: it accepts exactly the payloads the full deserializer
/// accepts — the allocation-free validator only ever says "certainly readable", and everything it is not sure of
/// is judged (and worded) by the deserializer.
/// </summary>
public sealed class PayloadValidatorTests
{
    private static readonly IReadOnlyList<(string Type, int Version, byte[] Payload)> Events = RealEvents.Serialized(seed: 7, steps: 400);

    [Fact]
    public void Every_current_event_type_has_a_validator_derived_from_the_serializer_metadata()
    {
        var registry = DomainEventRegistry.EventTypes.Select(e => (e.Name, e.SchemaVersion, (Type?)e.Type)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var validators = EventPayloadValidator.Versions.Select(v => (v.Name, v.SchemaVersion, EventPayloadValidator.For(v.Name, v.SchemaVersion)?.EventType)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(registry, validators);
        Assert.Null(EventPayloadValidator.For("TradeCancelled", 1));
        Assert.Null(EventPayloadValidator.For("NoSuchEvent", 1));
    }

    [Fact]
    public void Every_event_the_engine_writes_in_plain_ascii_is_accepted_without_the_deserializer()
    {
        var types = Events.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal).ToList();
        var refused = Events.Where(e => e.Payload.All(b => b < 0x80 && b != (byte)'\\'))
            .Where(e => !EventPayloadValidator.For(e.Type, e.Version)!.Accepts(e.Payload))
            .Select(e => $"{e.Type}: {System.Text.Encoding.UTF8.GetString(e.Payload)}").ToList();

        Assert.Empty(refused);
        Assert.True(types.Count >= 14, string.Join(", ", types));
    }

    [Fact]
    public void A_payload_with_escaped_text_is_left_to_the_deserializer_which_reads_it()
    {
        var escaped = Events.Where(e => e.Payload.Contains((byte)'\\')).ToList();

        Assert.NotEmpty(escaped);
        Assert.All(escaped, e => Assert.False(EventPayloadValidator.For(e.Type, e.Version)!.Accepts(e.Payload)));
        Assert.All(escaped, e => Assert.Null(new PayloadCheck().Check(System.Text.Encoding.UTF8.GetBytes(e.Type), e.Version, e.Payload)));
    }

    [Fact]
    public void The_fast_check_accepts_exactly_the_payloads_the_deserializer_accepts()
    {
        var kinds = Enum.GetValues<PayloadMutationKind>();
        var cases =
            from index in Gen.Choose(0, Events.Count - 1)
            from kind in Gen.Elements(kinds)
            from seed in Gen.Choose(0, int.MaxValue)
            select (index, kind, seed);
        var check = new PayloadCheck();

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (type, version, original) = Events[c.index];
            var (payload, asVersion) = PayloadMutation.Apply(c.kind, original, version, c.seed);
            var deserializer = PayloadCheck.Deserialize(type, asVersion, payload);
            var fast = EventPayloadValidator.For(type, asVersion)?.Accepts(payload) ?? false;
            var verdict = check.Check(System.Text.Encoding.UTF8.GetBytes(type), asVersion, payload);

            return (!fast || deserializer is null) && verdict == deserializer;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void Each_kind_of_damage_is_both_accepted_and_refused_somewhere_so_the_property_tests_both_sides()
    {
        var outcomes = new HashSet<(PayloadMutationKind, bool Fast, bool Readable)>();
        var random = new Random(11);
        foreach (var kind in Enum.GetValues<PayloadMutationKind>())
        {
            for (var i = 0; i < 300; i++)
            {
                var (type, version, original) = Events[random.Next(Events.Count)];
                var (payload, asVersion) = PayloadMutation.Apply(kind, original, version, random.Next());
                var fast = EventPayloadValidator.For(type, asVersion)?.Accepts(payload) ?? false;
                outcomes.Add((kind, fast, PayloadCheck.Deserialize(type, asVersion, payload) is null));
            }
        }

        Assert.DoesNotContain(outcomes, o => o.Fast && !o.Readable);
        Assert.Contains((PayloadMutationKind.None, true, true), outcomes);
        Assert.Contains((PayloadMutationKind.Truncate, false, false), outcomes);
        Assert.Contains((PayloadMutationKind.WrongEnumName, false, false), outcomes);
        Assert.Contains((PayloadMutationKind.EnumNameInOtherCase, false, true), outcomes);
        Assert.Contains((PayloadMutationKind.BreakDomainValue, false, false), outcomes);
        Assert.Contains((PayloadMutationKind.BreakDomainValue, true, true), outcomes);
        Assert.Contains((PayloadMutationKind.RetypeProperty, false, false), outcomes);
        Assert.Contains((PayloadMutationKind.WrongSchemaVersion, false, false), outcomes);
        Assert.Contains((PayloadMutationKind.Whitespace, false, true), outcomes);
        Assert.Contains((PayloadMutationKind.ReorderProperties, false, true), outcomes);
        Assert.Contains((PayloadMutationKind.EscapeInString, false, true), outcomes);
        Assert.Contains((PayloadMutationKind.EscapeInString, false, false), outcomes);
    }
}
