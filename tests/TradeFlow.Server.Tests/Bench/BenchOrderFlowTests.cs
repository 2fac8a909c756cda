using System.Text;
using TradeFlow.Fix.Codec;
using TradeFlow.Server.Bench;

namespace TradeFlow.Server.Tests.Bench;

public sealed class BenchOrderFlowTests
{
    [Fact]
    public void An_order_number_is_read_back_from_the_ClOrdID_of_its_run_only()
    {
        var flow = new BenchOrderFlow("a1b2c3d4");
        var body = new FixFieldWriter();
        flow.Write(12_345, body);
        var clOrdId = Encoding.ASCII.GetString(body.Written).Split('\u0001')[0];

        Assert.Equal("11=a1b2c3d4-12345", clOrdId);
        Assert.True(flow.TryParseNumber("a1b2c3d4-12345"u8, out var number));
        Assert.Equal(12_345, number);
        Assert.False(flow.TryParseNumber("ffffffff-12345"u8, out _));
        Assert.False(flow.TryParseNumber("a1b2c3d4-12x45"u8, out _));
        Assert.False(new BenchOrderFlow("a1b2c3d4").TryParseNumber("CL-1"u8, out _));
    }

    [Fact]
    public void Consecutive_orders_alternate_buy_and_sell()
    {
        var flow = new BenchOrderFlow("00000000");
        var sides = Enumerable.Range(0, 6).Select(n =>
        {
            var body = new FixFieldWriter();
            flow.Write(n, body);
            return Encoding.ASCII.GetString(body.Written).Split('\u0001').Single(f => f.StartsWith("54=", StringComparison.Ordinal));
        });

        Assert.Equal(["54=1", "54=2", "54=1", "54=2", "54=1", "54=2"], sides);
    }
}
