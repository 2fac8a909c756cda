using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public abstract class IdempotencyTests : ChecksPlacementContract, IDisposable
{
    private readonly EngineHarness _harness;

    private protected IdempotencyTests(CheckPlacement placement)
        : base(placement) => _harness = Start();

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_resubmitted_capture_gets_the_original_outcome_and_books_nothing()
    {
        var capture = new BookTradeBuilder().WithSourceKey("FIX:CLIENT1:571=TR-7").Build();
        var original = await _harness.Send(capture);
        var head = _harness.Store.HeadPosition;

        var again = await _harness.Send(capture);

        Assert.True(again.IsDuplicate);
        Assert.Equal(original.AsDuplicate(), again);
        Assert.Equal(original.TradeId, again.TradeId);
        Assert.Equal(head, _harness.Store.HeadPosition);
    }

    [Fact]
    public async Task A_resubmitted_rejected_command_gets_the_same_reasons()
    {
        var capture = new BookTradeBuilder().WithSourceKey("HTTP:idem-9").With(t => t with { Price = Price.Of(999m) }).Build();
        var original = await _harness.Send(capture);
        var head = _harness.Store.HeadPosition;

        var again = await _harness.Send(capture);

        Assert.Equal(CommandStatus.Rejected, again.Status);
        Assert.Equal(original.Reasons, again.Reasons);
        Assert.Equal(head, _harness.Store.HeadPosition);
    }

    [Fact]
    public async Task A_source_key_is_answered_by_its_first_outcome_even_if_the_resend_differs()
    {
        var original = await _harness.Send(new BookTradeBuilder().WithSourceKey("K-1").Build());

        var resend = await _harness.Send(new BookTradeBuilder().WithSourceKey("K-1").WithQuantity(5m).Build());

        Assert.True(resend.IsDuplicate);
        Assert.Equal(original.TradeId, resend.TradeId);
        Assert.Single(_harness.AllEvents());
    }

    [Fact]
    public async Task A_duplicate_of_any_command_kind_writes_nothing()
    {
        var id = await _harness.Book(new BookTradeBuilder().Build());
        var cancel = new CancelTrade(id, "CXL-9", DateTimeOffset.UnixEpoch, "Error");
        await _harness.Send(cancel);

        var again = await _harness.Send(cancel);

        Assert.True(again.IsAccepted && again.IsDuplicate, again.ToString());
        Assert.Equal(2, _harness.AllEvents().Count);
    }

    /// <summary>The contract with risk and compliance on one stage thread.</summary>
    public sealed class OneCheckThread() : IdempotencyTests(CheckPlacement.SharedThread);

    /// <summary>The contract with risk and compliance on a thread each.</summary>
    public sealed class TwoCheckThreads() : IdempotencyTests(CheckPlacement.ThreadEach);

    /// <summary>The contract with risk and compliance run on the decide thread.</summary>
    public sealed class ChecksOnDecideThread() : IdempotencyTests(CheckPlacement.DecideThread);
}
