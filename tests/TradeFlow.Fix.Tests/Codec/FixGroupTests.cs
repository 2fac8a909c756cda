using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Codec;

public sealed class FixGroupTests
{
    [Fact]
    public void Sides_and_their_nested_parties_are_read_entry_by_entry()
    {
        var message = FixMessage.Parse(FixText.TradeCaptureReport());

        Assert.True(message.TryGetGroup(Fix44Groups.NoSides, out var sides));
        Assert.Equal(2, sides.Count);
        Assert.True(sides[0].TryGetChar(Tags.Side, out var buy));
        Assert.Equal('1', buy);
        Assert.Equal("ORD-2", sides[1].GetString(Tags.OrderID));

        Assert.True(sides[0].TryGetGroup(Fix44Groups.NoPartyIDs, out var buyParties));
        Assert.Equal(2, buyParties.Count);
        Assert.Equal("TRADER-7", buyParties[1].GetString(Tags.PartyID));
        Assert.True(buyParties[1].TryGetInt(Tags.PartyRole, out var role));
        Assert.Equal(11, role);

        Assert.True(sides[1].TryGetGroup(Fix44Groups.NoPartyIDs, out var sellParties));
        Assert.Equal(1, sellParties.Count);
        Assert.Equal("BANK-B", sellParties[0].GetString(Tags.PartyID));
    }

    [Fact]
    public void A_field_that_is_not_a_member_ends_the_last_entry()
    {
        var message = FixMessage.Parse(FixText.Frame(
            "35=D|49=A|56=B|34=2|52=20260315-09:30:00|11=C1|453=1|448=BANK-A|447=D|452=1|55=VOD.L|54=1|"));

        Assert.True(message.TryGetGroup(Fix44Groups.NoPartyIDs, out var parties));
        Assert.Equal(3, parties[0].FieldCount);
        Assert.Null(parties[0].GetString(Tags.Symbol));
        Assert.Equal("VOD.L", message.GetString(Tags.Symbol));
    }

    [Fact]
    public void A_count_that_disagrees_with_the_entries_present_is_not_a_group()
    {
        var message = FixMessage.Parse(FixText.Frame(
            "35=AE|49=A|56=B|34=2|52=20260315-09:30:00|552=3|54=1|37=O1|54=2|37=O2|"));

        Assert.False(message.TryGetGroup(Fix44Groups.NoSides, out var sides));
        Assert.Equal(0, sides.Count);
    }

    [Fact]
    public void An_absent_group_is_not_found()
    {
        var message = FixMessage.Parse(FixText.NewOrderSingle());

        Assert.False(message.TryGetGroup(Fix44Groups.NoPartyIDs, out _));
    }

    [Fact]
    public void Reading_an_entry_past_the_count_throws()
    {
        var message = FixMessage.Parse(FixText.TradeCaptureReport());
        Assert.True(message.TryGetGroup(Fix44Groups.NoSides, out var sides));

        Assert.Throws<ArgumentOutOfRangeException>(() => sides[2]);
    }
}
