using System.Text.Json;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.Domain.Tests.Serialization;

// The raw writers (a booking's bytes, the journal's metadata, the writer's direct values) take only these characters
// and trust the default encoder to write them as themselves: the set must be exactly those, checked against it.
public class UnescapedAsciiTests
{
    [Fact]
    public void The_set_is_exactly_the_ascii_the_default_encoder_writes_as_itself_as_chars_and_as_bytes()
    {
        for (var c = (char)0; c < 128; c++)
        {
            var kept = JsonSerializer.Serialize(c.ToString()) == "\"" + c + "\"";

            Assert.True(kept == UnescapedAscii.Chars.Contains(c), $"U+{(int)c:X4}");
            Assert.True(kept == UnescapedAscii.Bytes.Contains((byte)c), $"U+{(int)c:X4}");
        }
    }
}
