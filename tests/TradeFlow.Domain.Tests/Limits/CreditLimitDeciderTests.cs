using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Limits;

public class CreditLimitDeciderTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);
    private static readonly CreditLimit Current = new("CL-784F", Usd(50_000_000m), Usd(40_000_000m));

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    private static CreditLimitChangeRejected Refused(ChangeCreditLimit command, CreditLimit? current) =>
        Assert.IsType<CreditLimitChangeRejected>(CreditLimitDecider.Decide(command, current));

    private static ChangeCreditLimit Change(Money hard, Money soft, string reason = "Annual review") =>
        new(DemoIds.GoldmanSachs, hard, soft, reason, "HTTP:limit-1", At);

    [Fact]
    public void A_valid_change_records_the_previous_and_the_new_amounts()
    {
        var changed = Assert.IsType<CreditLimitChanged>(CreditLimitDecider.Decide(Change(Usd(75_000_000m), Usd(60_000_000m)), Current));

        Assert.Equal(new CreditLimitChanged(DemoIds.GoldmanSachs, At, "CL-784F", Usd(50_000_000m), Usd(40_000_000m),
            Usd(75_000_000m), Usd(60_000_000m), "Annual review"), changed);
        Assert.True(((ITradeEvent)changed).TradeId.IsDefault);
    }

    [Fact]
    public void The_limit_in_force_after_a_change_keeps_its_id_and_takes_the_new_amounts()
    {
        var changed = (CreditLimitChanged)CreditLimitDecider.Decide(Change(Usd(10_000_000m), Usd(5_000_000m)), Current);

        var limit = CreditLimitDecider.Apply(changed);

        Assert.Equal(("CL-784F", Usd(10_000_000m), Usd(5_000_000m)), (limit.LimitId, limit.Hard, limit.Soft));
    }

    [Fact]
    public void A_change_for_an_unknown_counterparty_is_rejected()
    {
        var rejected = Refused(Change(Usd(75_000_000m), Usd(60_000_000m)), current: null);

        Assert.Equal([RejectionCode.UnknownCounterparty], rejected.Reasons.Select(r => r.Code));
        Assert.Equal((DemoIds.GoldmanSachs, "HTTP:limit-1", At), (rejected.Counterparty, rejected.SourceKey, rejected.EffectiveTime));
        Assert.True(((ITradeEvent)rejected).TradeId.IsDefault);
    }

    [Theory]
    [InlineData(40_000_000, 50_000_000)]
    [InlineData(50_000_000, 0)]
    [InlineData(0, 0)]
    public void A_soft_limit_above_the_hard_limit_or_not_above_zero_is_rejected(long hard, long soft)
    {
        var reason = Assert.Single(Refused(Change(Usd(hard), Usd(soft)), Current).Reasons);
        Assert.Equal(RejectionCode.InvalidCreditLimit, reason.Code);
        Assert.Contains("hard", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hard_limit_equal_to_the_soft_limit_is_accepted() =>
        Assert.IsType<CreditLimitChanged>(CreditLimitDecider.Decide(Change(Usd(1_000_000m), Usd(1_000_000m)), Current));

    [Fact]
    public void A_change_in_another_currency_than_the_limits_is_rejected_not_converted()
    {
        var reason = Assert.Single(Refused(Change(new Money(75_000_000m, Currency.EUR), new Money(60_000_000m, Currency.EUR)), Current).Reasons);
        Assert.Equal(RejectionCode.CreditLimitCurrencyMismatch, reason.Code);
        Assert.Contains("USD", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_reason_is_rejected_with_every_other_reason()
    {
        var rejected = Refused(Change(Usd(1m), Usd(2m), reason: " "), current: null);

        Assert.Equal([RejectionCode.UnknownCounterparty, RejectionCode.InvalidCommand, RejectionCode.InvalidCreditLimit],
            rejected.Reasons.Select(r => r.Code));
    }
}
