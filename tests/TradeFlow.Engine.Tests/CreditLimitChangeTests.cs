using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class CreditLimitChangeTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly string LimitStream = "limit-" + DemoIds.GoldmanSachs;

    private readonly InMemoryEventStore _store = new();
    private readonly EngineHarness _harness;

    public CreditLimitChangeTests() => _harness = EngineHarness.Start(_store);

    public void Dispose() => _harness.Dispose();

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    // 100,000 Apple at 200 = 20m USD of settlement risk under Goldman Sachs' limit CL-784F (50m hard, 40m soft).
    private static BookTrade Apple(decimal quantity, string key) =>
        new BookTradeBuilder().WithQuantity(quantity).With(t => t with { Price = Price.Of(200m) }).WithSourceKey(key).Build();

    private static ChangeCreditLimit Change(decimal hard, decimal soft, string key) =>
        new(DemoIds.GoldmanSachs, Usd(hard), Usd(soft), "Annual credit review", key, At);

    [Fact]
    public async Task A_capture_refused_for_a_hard_limit_breach_is_accepted_after_the_limit_is_raised()
    {
        await _harness.Book(Apple(100_000m, "B-1"));
        await _harness.Book(Apple(100_000m, "B-2"));
        var refused = await _harness.Send(Apple(55_000m, "B-3"));
        Assert.Equal(RejectionCode.CreditLimitExceeded, Assert.Single(refused.Reasons).Code);

        Assert.True((await _harness.Send(Change(80_000_000m, 70_000_000m, "L-1"))).IsAccepted);
        var accepted = await _harness.Send(Apple(55_000m, "B-4"));

        Assert.True(accepted.IsAccepted, accepted.ToString());
        Assert.Empty(accepted.Warnings); // 51m is also under the new 70m soft limit
    }

    [Fact]
    public async Task A_capture_accepted_before_the_limit_is_lowered_is_refused_after_it()
    {
        Assert.True((await _harness.Send(Apple(100_000m, "B-1"))).IsAccepted);

        Assert.True((await _harness.Send(Change(25_000_000m, 20_000_000m, "L-1"))).IsAccepted);
        var refused = await _harness.Send(Apple(100_000m, "B-2"));

        var reason = Assert.Single(refused.Reasons);
        Assert.Equal(RejectionCode.CreditLimitExceeded, reason.Code);
        Assert.Contains("above the hard limit 25000000 USD", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capture_above_a_lowered_soft_limit_is_booked_with_a_warning()
    {
        Assert.True((await _harness.Send(Change(50_000_000m, 10_000_000m, "L-1"))).IsAccepted);

        var outcome = await _harness.Send(Apple(100_000m, "B-1"));

        Assert.True(outcome.IsAccepted);
        Assert.Contains(outcome.Warnings, w => w.Contains("above 10000000 USD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_limit_change_is_journaled_on_the_counterpartys_limit_stream_with_the_actor()
    {
        await _harness.Send(Change(80_000_000m, 70_000_000m, "L-1"));
        await _harness.Send(Change(60_000_000m, 50_000_000m, "L-2"));

        var events = _store.ReadStream(LimitStream, Direction.Forwards, 0, long.MaxValue).ToList();
        Assert.Equal([0L, 1L], events.Select(e => e.StreamVersion));
        Assert.All(events, e => Assert.Equal("tester", e.Actor));
        var second = (CreditLimitChanged)DomainEventSerializer.Instance.Deserialize(events[1].Type, events[1].SchemaVersion, events[1].Payload.Span);
        Assert.Equal((Usd(80_000_000m), Usd(70_000_000m), Usd(60_000_000m), Usd(50_000_000m), "CL-784F"),
            (second.PreviousHard, second.PreviousSoft, second.Hard, second.Soft, second.LimitId));
        Assert.Equal(At, events[1].EffectiveTime);
    }

    [Fact]
    public async Task A_refused_limit_change_is_journaled_with_its_reasons_and_leaves_the_limit_as_it_was()
    {
        var outcome = await _harness.Send(new ChangeCreditLimit(DemoIds.GoldmanSachs, new Money(80_000_000m, Currency.EUR),
            new Money(90_000_000m, Currency.EUR), "Review", "L-BAD", At));

        Assert.Equal([RejectionCode.InvalidCreditLimit, RejectionCode.CreditLimitCurrencyMismatch], outcome.Reasons.Select(r => r.Code));
        var rejected = Assert.Single(_store.ReadStream("rejections-limit-" + DemoIds.GoldmanSachs, Direction.Forwards, 0, long.MaxValue));
        Assert.Equal("CreditLimitChangeRejected", rejected.Type);
        Assert.Empty(_store.ReadStream(LimitStream, Direction.Forwards, 0, long.MaxValue));
        await _harness.Book(Apple(100_000m, "B-1"));
        await _harness.Book(Apple(100_000m, "B-2"));
        Assert.Equal(RejectionCode.CreditLimitExceeded, Assert.Single((await _harness.Send(Apple(55_000m, "B-3"))).Reasons).Code);
    }

    [Fact]
    public async Task A_repeated_limit_change_is_answered_with_its_original_outcome_and_writes_nothing()
    {
        var first = await _harness.Send(Change(80_000_000m, 70_000_000m, "L-1"));
        var head = _store.HeadPosition;

        var again = await _harness.Send(Change(10_000_000m, 5_000_000m, "L-1"));

        Assert.True(again.IsAccepted);
        Assert.True(again.IsDuplicate);
        Assert.Equal(head, _store.HeadPosition);
        Assert.Equal(first.TradeId, again.TradeId);
    }

    [Fact]
    public async Task A_restart_rebuilds_the_changed_limit_and_checks_the_next_capture_against_it()
    {
        await _harness.Send(Change(25_000_000m, 20_000_000m, "L-1"));
        await _harness.Book(Apple(100_000m, "B-1"));
        var before = _harness.StopAndHash();
        Assert.Contains("creditlimit " + DemoIds.GoldmanSachs + " CL-784F v0 hard 25000000 soft 20000000 USD",
            _harness.Engine.DescribeState(), StringComparison.Ordinal);

        using var restarted = EngineHarness.Start(_store);
        var refused = await restarted.Send(Apple(30_000m, "B-2")); // 20m + 6m > 25m
        restarted.Engine.Stop(EngineHarness.Timeout);

        Assert.Equal(RejectionCode.CreditLimitExceeded, Assert.Single(refused.Reasons).Code);
        using var third = EngineHarness.Start(_store);
        Assert.NotEqual(before, third.StopAndHash()); // the refusal is part of the state now
    }
}
