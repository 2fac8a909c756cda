using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Tests.Storage;

public class JournalIndexTests
{
    [Fact]
    public void Every_staged_location_is_read_back_by_its_position_across_many_chunks_and_outer_growths()
    {
        // 5,000,000 positions: 611 chunks of 8Ki, past the 512 the outer array starts with.
        const int Positions = 5_000_000;
        var index = new JournalIndex();
        for (long p = 1; p <= Positions; p++)
        {
            index.Stage(p * 7 + 3);
        }

        index.Publish();
        Assert.Equal(Positions, index.Count);
        var wrong = 0L;
        for (long p = 1; p <= Positions; p++)
        {
            if (index.LocationOf(p) != p * 7 + 3)
            {
                wrong++;
            }
        }

        Assert.Equal(0, wrong);
    }
}
