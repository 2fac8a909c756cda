using TradeFlow.Domain.Serialization;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary>
/// The payload check runs once per record of a store of millions: after its first pass over a journal's payloads
/// (validators built, the accepted-text memo filled), validating them again allocates nothing — not a string per FX
/// pair, not a memo entry per collision. Measured exactly with the thread's allocation counter.
/// </summary>
public sealed class PayloadValidatorAllocationTests
{
    private static readonly IReadOnlyList<(string Type, int Version, byte[] Payload)> Events = RealEvents.Serialized(seed: 7, steps: 400);

    [Fact]
    public void Validating_the_payloads_of_a_journal_again_allocates_nothing()
    {
        var accepted = Events.Select(e => (Validator: EventPayloadValidator.For(e.Type, e.Version), e.Payload))
            .Where(e => e.Validator is not null && e.Validator.Accepts(e.Payload))
            .Select(e => (Validator: e.Validator!, e.Payload)).ToArray();
        Assert.True(accepted.Length >= Events.Count / 2, $"{accepted.Length} of {Events.Count} accepted");
        Assert.Contains(accepted, e => e.Validator.TypeName == "TradeBooked");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        for (var round = 0; round < 20; round++)
        {
            foreach (var (validator, payload) in accepted)
            {
                count += validator.Accepts(payload) ? 1 : 0;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20 * accepted.Length, count);
        Assert.Equal(0, allocated);
    }
}
