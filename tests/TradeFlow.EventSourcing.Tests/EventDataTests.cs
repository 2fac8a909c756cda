namespace TradeFlow.EventSourcing.Tests;

public sealed class EventDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_empty_event_id_is_refused() =>
        Assert.Throws<ArgumentException>(() => new EventData(Guid.Empty, "T", 1, Array.Empty<byte>(), Now, Now));

    [Fact]
    public void A_missing_type_is_refused() =>
        Assert.Throws<ArgumentException>(() => new EventData(Guid.NewGuid(), "", 1, Array.Empty<byte>(), Now, Now));

    [Fact]
    public void A_schema_version_below_1_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventData(Guid.NewGuid(), "T", 0, Array.Empty<byte>(), Now, Now));

    [Fact]
    public void The_default_event_data_is_recognisable()
    {
        Assert.True(default(EventData).IsDefault);
        Assert.False(new EventData(Guid.NewGuid(), "T", 1, Array.Empty<byte>(), Now, Now).IsDefault);
    }

    [Fact]
    public void A_conflict_result_throws_with_stream_expected_and_actual_and_a_success_does_not()
    {
        var conflict = AppendResult.WrongExpectedVersion("trade-T1", ExpectedVersion.At(4), 6);
        var ok = AppendResult.Success("trade-T1", ExpectedVersion.At(4), 5, GlobalPosition.FromInt64(10));

        var error = Assert.Throws<WrongExpectedVersionException>(() => conflict.EnsureSuccess());
        Assert.Equal("Wrong expected version appending to stream 'trade-T1': expected 4, actual 6.", error.Message);
        Assert.Equal(5, ok.EnsureSuccess().NextExpectedVersion);
    }
}
