using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.TradeCapture;

namespace TradeFlow.Fix.Tests.TradeCapture;

public class RepeatedFieldTextTests
{
    [Fact]
    public void The_text_of_any_field_value_is_its_decoding()
    {
        Prop.ForAll<string>(value =>
        {
            var bytes = Encoding.UTF8.GetBytes(value ?? string.Empty);
            return RepeatedFieldText.Of(bytes) == FixAscii.ToString(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_value_seen_before_is_the_same_string_and_allocates_nothing()
    {
        var isin = "US0378331005"u8.ToArray();
        var first = RepeatedFieldText.Of(isin);
        _ = RepeatedFieldText.Of(isin);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = RepeatedFieldText.Of(isin);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(first, again);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_value_longer_than_any_code_is_made_anew_each_time()
    {
        var text = Encoding.ASCII.GetBytes(new string('x', 65));

        Assert.NotSame(RepeatedFieldText.Of(text), RepeatedFieldText.Of(text));
        Assert.Equal(new string('x', 65), RepeatedFieldText.Of(text));
    }
}
