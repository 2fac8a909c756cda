using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.TradeCapture;

namespace TradeFlow.Benchmarks.Fix;

/// <summary>
/// The trade-capture application's share of an answer (issue 5, pass fixalloc): map a parsed D and AE to their
/// domain commands, and encode the replies to an accepted D (two ExecutionReports) and AE (an AR) with the session's
/// header and checksum into a reused buffer. The claims: 0 B per encoded answer; mapping allocates only the command,
/// its terms, the request and the client's ids.
/// </summary>
[MemoryDiagnoser]
public class CaptureHotPathBenchmarks
{
    private static readonly SessionId Session = new("FIX.4.4", "TRADEFLOW", "CLIENT1");
    private static readonly FixHeader Header = new("FIX.4.4", "TRADEFLOW", "CLIENT1", 7, new DateTime(2025, 3, 14, 9, 30, 0, DateTimeKind.Utc));
    private static readonly DateTime Now = new(2025, 3, 14, 9, 30, 1, DateTimeKind.Utc);
    private static readonly CaptureAnswer Accepted = new(true, TradeId.FromInt64(42), CaptureRejectReason.Other, [], null);

    private readonly FixMessage _order = new();
    private readonly FixMessage _report = new();
    private readonly CaptureMapper _mapper = new(new BookingIndex());
    private readonly CaptureReplies _replies = new();
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private CaptureRequest _orderRequest = null!;
    private CaptureRequest _reportRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        const string parties = "453=2|448=JSMITH|447=D|452=12|448=7LTWFZYICNSX8D621K86|447=N|452=17|";
        FixParser.TryParse(Frame("35=D|49=CLIENT1|56=TRADEFLOW|34=2|52=20250314-09:30:00.000|11=ORD-1|1=EQ-NY|" + parties +
            "48=US0378331005|22=4|55=AAPL|54=1|60=20250314-09:29:00.000|38=100|40=2|44=190.25|75=20250314|"), _order, out _, out _);
        FixParser.TryParse(Frame("35=AE|49=CLIENT1|56=TRADEFLOW|34=3|52=20250314-09:30:00.000|571=TR-1|487=0|856=0|570=N|" +
            "48=US0378331005|22=4|55=AAPL|32=200|31=190.50|75=20250314|60=20250314-09:29:30.000|552=1|54=2|" + parties + "1=EQ-NY|"),
            _report, out _, out _);
        _orderRequest = CaptureMapper.MapNewOrderSingle(_order, Session);
        _reportRequest = _mapper.MapTradeCaptureReport(_report, Session);
        if (_orderRequest.Command is null || _reportRequest.Command is null)
        {
            throw new InvalidOperationException("The benchmark's D or AE does not map to a command.");
        }
    }

    [Benchmark]
    public object MapNewOrderSingle() => CaptureMapper.MapNewOrderSingle(_order, Session);

    [Benchmark]
    public object MapTradeCaptureReport() => _mapper.MapTradeCaptureReport(_report, Session);

    [Benchmark]
    public int EncodeNewOrderSingleAnswers()
    {
        _output.ResetWrittenCount();
        _replies.Write(_orderRequest, Accepted, Now, new EncodingSink(_output));
        return _output.WrittenCount;
    }

    [Benchmark]
    public int EncodeTradeCaptureReportAck()
    {
        _output.ResetWrittenCount();
        _replies.Write(_reportRequest, Accepted, Now, new EncodingSink(_output));
        return _output.WrittenCount;
    }

    private static byte[] Frame(string fields)
    {
        var body = Encoding.ASCII.GetBytes(fields.Replace('|', '\u0001'));
        var prefix = Encoding.ASCII.GetBytes($"8=FIX.4.4\u00019={body.Length}\u0001");
        var frame = prefix.Concat(body).ToArray();
        var trailer = Encoding.ASCII.GetBytes($"10={FixParser.ComputeCheckSum(frame):D3}\u0001");
        return [.. frame, .. trailer];
    }

    private readonly struct EncodingSink(ArrayBufferWriter<byte> output) : IReplySink
    {
        public void Send(string msgType, FixFieldWriter body) =>
            FixEncoder.Encode(output, Header, msgType == MsgTypes.ExecutionReport ? "8"u8 : "AR"u8, body.Written);
    }
}
