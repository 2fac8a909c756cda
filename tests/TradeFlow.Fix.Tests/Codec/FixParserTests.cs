using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Codec;

public sealed class FixParserTests
{
    private readonly FixMessage _message = new();

    [Fact]
    public void A_whole_message_is_parsed_into_its_fields_in_wire_order()
    {
        var bytes = FixText.NewOrderSingle();

        var status = FixParser.TryParse(bytes, _message, out var consumed, out var reason);

        Assert.Equal(FixParseStatus.Complete, status);
        Assert.Null(reason);
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(bytes, _message.Raw.ToArray());
        Assert.Equal([8, 9, 35, 49, 56, 34, 52], Enumerable.Range(0, 7).Select(i => _message[i].Tag));
        Assert.Equal(10, _message[_message.FieldCount - 1].Tag);
        Assert.Equal("D", _message.MsgTypeString);
        Assert.Same(MsgTypes.NewOrderSingle, _message.MsgTypeString);
        Assert.Equal(13, _message.MsgSeqNum);
        Assert.Equal("CL-0001", _message.GetString(Tags.ClOrdID));
    }

    [Fact]
    public void A_zero_padded_BodyLength_is_accepted()
    {
        var bytes = FixText.Frame("35=0|49=A|56=B|34=2|52=20260315-09:30:00|", "D7");
        Assert.Contains("|9=0000", FixText.Pipes(bytes), StringComparison.Ordinal);

        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(bytes, _message, out var consumed, out _));
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(2, _message.MsgSeqNum);
    }

    [Fact]
    public void A_bad_checksum_is_garbled_and_skips_exactly_the_frame()
    {
        var bytes = FixText.NewOrderSingle();
        var checkSumDigit = bytes.Length - 2;
        bytes[checkSumDigit] = (byte)(bytes[checkSumDigit] == (byte)'9' ? '0' : bytes[checkSumDigit] + 1);

        var status = FixParser.TryParse(bytes, _message, out var consumed, out var reason);

        Assert.Equal(FixParseStatus.Garbled, status);
        Assert.Equal(bytes.Length, consumed);
        Assert.StartsWith("CheckSum (10)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_length_that_does_not_reach_the_checksum_is_garbled_and_resynchronises_on_the_next_message()
    {
        var bad = FixText.Bytes("8=FIX.4.4|9=10|35=0|49=A|56=B|34=2|52=20260315-09:30:00|10=000|");
        var good = FixText.Frame("35=0|49=A|56=B|34=3|52=20260315-09:30:00|");
        var input = bad.Concat(good).ToArray();

        var status = FixParser.TryParse(input, _message, out var consumed, out var reason);

        Assert.Equal(FixParseStatus.Garbled, status);
        Assert.Equal(bad.Length, consumed);
        Assert.Equal("BodyLength (9) does not end where CheckSum (10) begins", reason);
        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(input.AsSpan(consumed), _message, out _, out _));
        Assert.Equal(3, _message.MsgSeqNum);
    }

    [Fact]
    public void A_non_numeric_body_length_is_garbled()
    {
        var input = FixText.Bytes("8=FIX.4.4|9=6x|35=0|10=000|");

        Assert.Equal(FixParseStatus.Garbled, FixParser.TryParse(input, _message, out var consumed, out var reason));
        Assert.Equal(input.Length, consumed);
        Assert.Contains("BodyLength (9)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_do_not_start_with_BeginString_are_skipped_up_to_the_next_message()
    {
        var good = FixText.Frame("35=0|49=A|56=B|34=2|52=20260315-09:30:00|");
        var input = FixText.Bytes("garbage|58=8=FIX in text|").Concat(good).ToArray();

        var status = FixParser.TryParse(input, _message, out var consumed, out var reason);

        Assert.Equal(FixParseStatus.Garbled, status);
        Assert.Equal(input.Length - good.Length, consumed);
        Assert.Equal("Message does not start with BeginString (8=FIX...)", reason);
    }

    [Fact]
    public void Garbage_left_as_a_lone_SOH_before_the_next_message_skips_only_the_SOH()
    {
        // An earlier read ended between the garbage and its "<SOH>8=FIX": the next frame starts one byte in.
        var good = FixText.Frame("35=0|49=A|56=B|34=2|52=20260315-09:30:00|");
        var input = FixText.Bytes("|").Concat(good).ToArray();

        Assert.Equal(FixParseStatus.Garbled, FixParser.TryParse(input, _message, out var consumed, out _));
        Assert.Equal(1, consumed);
        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(input.AsSpan(consumed), _message, out _, out _));
        Assert.Equal(2, _message.MsgSeqNum);
    }

    [Theory]
    [InlineData("|8")]
    [InlineData("|8=F")]
    [InlineData("XX|8=FI")]
    public void A_read_ending_in_a_partial_SOH_8_FIX_keeps_the_partial_for_the_next_read(string input)
    {
        var bytes = FixText.Bytes(input);

        Assert.Equal(FixParseStatus.Garbled, FixParser.TryParse(bytes, _message, out var consumed, out _));
        Assert.Equal(input.IndexOf('|', StringComparison.Ordinal) + 1, consumed);
    }

    [Fact]
    public void A_message_without_BodyLength_second_is_garbled()
    {
        var input = FixText.Bytes("8=FIX.4.4|35=0|9=5|10=000|");

        Assert.Equal(FixParseStatus.Garbled, FixParser.TryParse(input, _message, out var consumed, out _));
        Assert.True(consumed > 0);
    }

    [Fact]
    public void Every_truncation_of_a_message_is_incomplete_and_consumes_nothing()
    {
        var bytes = FixText.TradeCaptureReport();

        for (var length = 0; length < bytes.Length; length++)
        {
            var status = FixParser.TryParse(bytes.AsSpan(0, length), _message, out var consumed, out _);
            Assert.True(status == FixParseStatus.Incomplete, $"length {length}: {status}");
            Assert.Equal(0, consumed);
        }
    }

    [Fact]
    public void Two_messages_in_one_buffer_are_parsed_one_after_the_other()
    {
        var first = FixText.NewOrderSingle();
        var second = FixText.TradeCaptureReport();
        var input = first.Concat(second).ToArray();

        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(input, _message, out var consumed, out _));
        Assert.Equal(first.Length, consumed);
        Assert.Equal("D", _message.MsgTypeString);
        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(input.AsSpan(consumed), _message, out var next, out _));
        Assert.Equal(second.Length, next);
        Assert.Equal("AE", _message.MsgTypeString);
    }

    [Fact]
    public void A_message_split_across_reads_completes_when_the_rest_arrives()
    {
        var bytes = FixText.TradeCaptureReport();
        var stream = new List<byte>();
        var parsed = 0;
        foreach (var chunk in bytes.Chunk(17))
        {
            stream.AddRange(chunk);
            var status = FixParser.TryParse(stream.ToArray(), _message, out var consumed, out _);
            if (status == FixParseStatus.Complete)
            {
                parsed++;
                stream.RemoveRange(0, consumed);
            }
        }

        Assert.Equal(1, parsed);
        Assert.Empty(stream);
        Assert.Equal("TR-000123", _message.GetString(Tags.TradeReportID));
    }

    [Fact]
    public void A_data_field_may_contain_SOH_because_its_length_field_says_how_long_it_is()
    {
        var bytes = FixText.Frame("35=A|49=A|56=B|34=1|52=20260315-09:30:00|98=0|108=30|95=5|96=ab|cd|");

        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(bytes, _message, out _, out _));
        Assert.True(_message.TryGetValue(Tags.RawData, out var raw));
        Assert.Equal("ab|cd", FixText.Pipes(raw));
    }

    [Fact]
    public void A_field_without_a_tag_number_makes_the_frame_garbled_and_skips_it()
    {
        var bytes = FixText.Frame("35=0|49=A|56=B|x4=2|52=20260315-09:30:00|");

        Assert.Equal(FixParseStatus.Garbled, FixParser.TryParse(bytes, _message, out var consumed, out var reason));
        Assert.Equal(bytes.Length, consumed);
        Assert.StartsWith("Malformed field at offset", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_value_is_a_field_of_length_zero()
    {
        var bytes = FixText.Frame("35=0|49=A|56=B|34=2|52=20260315-09:30:00|58=|");

        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(bytes, _message, out _, out _));
        Assert.True(_message.TryGetValue(Tags.Text, out var text));
        Assert.True(text.IsEmpty);
    }

    [Fact]
    public void A_parsed_message_can_be_parsed_again_by_FixMessage_Parse_and_cloned_independently()
    {
        var original = FixMessage.Parse(FixText.NewOrderSingle());
        var clone = original.Clone();

        FixParser.TryParse(FixText.TradeCaptureReport(), original, out _, out _);

        Assert.Equal("D", clone.MsgTypeString);
        Assert.Equal("CL-0001", clone.GetString(Tags.ClOrdID));
        Assert.Equal("AE", original.MsgTypeString);
    }

    [Fact]
    public void FixMessage_Parse_rejects_anything_but_one_whole_message()
    {
        var bytes = FixText.NewOrderSingle();

        Assert.Throws<FormatException>(() => FixMessage.Parse(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<FormatException>(() => FixMessage.Parse(bytes.Concat(bytes).ToArray()));
    }

    [Fact]
    public void Parsing_into_a_warm_message_allocates_nothing()
    {
        var report = FixText.TradeCaptureReport();
        var order = FixText.NewOrderSingle();
        for (var i = 0; i < 100; i++)
        {
            FixParser.TryParse(report, _message, out _, out _);
            FixParser.TryParse(order, _message, out _, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            FixParser.TryParse(report, _message, out _, out _);
            _ = _message.MsgTypeString;
            FixParser.TryParse(order, _message, out _, out _);
            _ = _message.MsgTypeString;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
