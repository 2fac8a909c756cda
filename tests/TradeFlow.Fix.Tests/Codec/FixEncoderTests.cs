using System.Buffers;
using TradeFlow.Fix.Codec;
using TradeFlow.Testing.Snapshots;

namespace TradeFlow.Fix.Tests.Codec;

public sealed class FixEncoderTests
{
    private static readonly DateTime SendingTime = new(2026, 3, 15, 9, 30, 1, 123, DateTimeKind.Utc);

    private static FixHeader Header(int seq = 42) => new("FIX.4.4", "TRADEFLOW", "CLIENT", seq, SendingTime);

    private static byte[] TradeCaptureReportAck()
    {
        var body = new FixFieldWriter();
        body.Add(Tags.TradeReportID, "TR-000123");
        body.Add(Tags.TradeID, "T-2026-000001");
        body.Add(Tags.TradeReportTransType, 0);
        body.Add(Tags.TradeReportType, 0);
        body.Add(Tags.TrdRptStatus, 0);
        body.Add(Tags.Symbol, "VOD.L"u8);
        body.Add(Tags.LastQty, 1000m);
        body.Add(Tags.LastPx, 101.250m);
        body.AddUtcDate(Tags.TradeDate, new DateOnly(2026, 3, 15));
        body.AddUtcTimestamp(Tags.TransactTime, new DateTime(2026, 3, 15, 9, 30, 0, 456, DateTimeKind.Utc));
        body.Add(Tags.PreviouslyReported, false);
        return FixEncoder.EncodeToArray(Header(), "AR"u8, body.Written);
    }

    [Fact]
    public void An_encoded_trade_capture_report_ack_reads_as_expected()
    {
        Snapshot.Verify(FixText.Pipes(TradeCaptureReportAck()));
    }

    [Fact]
    public void The_encoded_BodyLength_and_CheckSum_are_what_the_parser_verifies()
    {
        var bytes = TradeCaptureReportAck();
        var message = FixMessage.Parse(bytes);

        Assert.True(message.TryGetInt(Tags.BodyLength, out var bodyLength));
        var bodyStart = message[2].ValueOffset - 3; // "35=" starts the body
        var checkSumField = message[message.FieldCount - 1];
        Assert.Equal(checkSumField.ValueOffset - 3 - bodyStart, bodyLength);
        Assert.True(message.TryGetInt(Tags.CheckSum, out var checkSum));
        Assert.Equal(FixParser.ComputeCheckSum(bytes.AsSpan(0, checkSumField.ValueOffset - 3)), checkSum);
        Assert.Equal(3, checkSumField.ValueLength);
    }

    [Fact]
    public void A_resent_message_carries_PossDupFlag_and_OrigSendingTime_after_SendingTime()
    {
        var original = SendingTime.AddMinutes(-5);
        var header = Header(7) with { PossDup = true, OrigSendingTime = original };

        var message = FixMessage.Parse(FixEncoder.EncodeToArray(header, "0"u8, default));

        Assert.Equal([8, 9, 35, 49, 56, 34, 52, 43, 122, 10], Enumerable.Range(0, message.FieldCount).Select(i => message[i].Tag));
        Assert.True(message.TryGetBool(Tags.PossDupFlag, out var possDup) && possDup);
        Assert.True(message.TryGetUtcTimestamp(Tags.OrigSendingTime, out var orig));
        Assert.Equal(original, orig);
    }

    [Fact]
    public void Encode_appends_to_the_buffer_writer_and_returns_the_bytes_written()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("prefix"u8);

        var written = FixEncoder.Encode(output, Header(), "0"u8, default);

        Assert.Equal(output.WrittenCount - 6, written);
        Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(output.WrittenSpan[6..], new FixMessage(), out var consumed, out _));
        Assert.Equal(written, consumed);
    }

    [Fact]
    public void Decimals_are_written_invariant_without_exponent_and_with_their_scale()
    {
        var writer = new FixFieldWriter();
        writer.Add(44, 0.00001m);
        writer.Add(31, 100.50m);
        writer.Add(32, -1234567890123456789m);

        Assert.Equal("44=0.00001|31=100.50|32=-1234567890123456789|", FixText.Pipes(writer.Written));
    }

    [Fact]
    public void The_field_writer_grows_past_its_initial_capacity_and_can_be_reused()
    {
        var writer = new FixFieldWriter(initialCapacity: 16);
        var text = new string('x', 5000);
        writer.Add(Tags.Text, text);
        Assert.Equal(3 + 5000 + 1, writer.Length);

        writer.Clear();
        writer.Add(Tags.Side, '1');
        Assert.Equal("54=1|", FixText.Pipes(writer.Written));
    }

    [Fact]
    public void Timestamps_are_written_with_milliseconds_and_dates_as_yyyyMMdd()
    {
        var writer = new FixFieldWriter();
        writer.AddUtcTimestamp(60, new DateTime(2026, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        writer.AddUtcDate(75, new DateOnly(999, 12, 31));

        Assert.Equal("60=20260102-03:04:05.006|75=09991231|", FixText.Pipes(writer.Written));
    }
}
