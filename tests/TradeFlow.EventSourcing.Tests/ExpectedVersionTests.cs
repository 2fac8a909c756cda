namespace TradeFlow.EventSourcing.Tests;

public sealed class ExpectedVersionTests
{
    [Fact]
    public void NoStream_is_satisfied_only_by_a_missing_stream()
    {
        Assert.True(ExpectedVersion.NoStream.IsSatisfiedBy(StreamVersion.None));
        Assert.False(ExpectedVersion.NoStream.IsSatisfiedBy(0));
    }

    [Fact]
    public void Exists_is_satisfied_by_any_existing_version()
    {
        Assert.False(ExpectedVersion.Exists.IsSatisfiedBy(StreamVersion.None));
        Assert.True(ExpectedVersion.Exists.IsSatisfiedBy(0));
        Assert.True(ExpectedVersion.Exists.IsSatisfiedBy(41));
    }

    [Fact]
    public void Any_is_satisfied_by_everything()
    {
        Assert.True(ExpectedVersion.Any.IsSatisfiedBy(StreamVersion.None));
        Assert.True(ExpectedVersion.Any.IsSatisfiedBy(7));
    }

    [Fact]
    public void At_is_satisfied_only_by_that_version()
    {
        Assert.True(ExpectedVersion.At(3).IsSatisfiedBy(3));
        Assert.False(ExpectedVersion.At(3).IsSatisfiedBy(2));
        Assert.Equal(ExpectedVersion.At(3), ExpectedVersion.At(3));
        Assert.NotEqual(ExpectedVersion.At(0), ExpectedVersion.NoStream);
    }

    [Fact]
    public void A_negative_exact_version_cannot_be_constructed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedVersion.At(-1));

    [Fact]
    public void Expectations_print_as_their_names() =>
        Assert.Equal(["NoStream", "Any", "Exists", "12"], new[] { ExpectedVersion.NoStream, ExpectedVersion.Any, ExpectedVersion.Exists, ExpectedVersion.At(12) }.Select(e => e.ToString()));
}
