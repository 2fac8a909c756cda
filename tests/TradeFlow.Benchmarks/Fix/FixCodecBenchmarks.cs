using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Dictionary;

namespace TradeFlow.Benchmarks.Fix;

/// <summary>
/// The FIX codec on the acceptor's hot path: frame and parse a typical inbound TradeCaptureReport (AE,
/// two sides with parties) and NewOrderSingle (D) into a warm <see cref="FixMessage"/>; encode a typical
/// TradeCaptureReportAck (AR) and ExecutionReport (8) into a reused buffer; validate the AE against the
/// shipped dictionary. The claims under test: under 1 µs and 0 B per parse.
/// </summary>
[MemoryDiagnoser]
public class FixCodecBenchmarks
{
    private static readonly DateTime Now = new(2026, 3, 15, 9, 30, 1, 123, DateTimeKind.Utc);

    private readonly FixMessage _message = new();
    private readonly FixFieldWriter _body = new();
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly MessageValidator _validator = new(DataDictionary.TradeFlowFix44, ValidationOptions.Default);
    private readonly FixMessage _parsedReport = new();
    private byte[] _tradeCaptureReport = [];
    private byte[] _newOrderSingle = [];

    [GlobalSetup]
    public void Setup()
    {
        _tradeCaptureReport = Frame(
            "35=AE|49=CLIENT|56=TRADEFLOW|34=12|52=20260315-09:30:01.123|571=TR-000123|487=0|856=0|570=N|55=VOD.L|" +
            "48=GB00BH4HKS39|22=4|32=1000|31=101.25|75=20260315|64=20260317|60=20260315-09:30:00.456|552=2|" +
            "54=1|37=ORD-1|453=2|448=BANK-A|447=D|452=1|448=TRADER-7|447=D|452=11|1=ACC-1|" +
            "54=2|37=ORD-2|453=1|448=BANK-B|447=D|452=1|1=ACC-2|15=GBP|");
        _newOrderSingle = Frame(
            "35=D|49=CLIENT|56=TRADEFLOW|34=13|52=20260315-09:31:00.000|11=CL-0001|1=ACC-1|55=VOD.L|48=GB00BH4HKS39|" +
            "22=4|54=1|60=20260315-09:30:59.999|38=5000|40=2|44=101.5|59=0|15=GBP|");
        FixParser.TryParse(_tradeCaptureReport, _parsedReport, out _, out _);
        if (!_validator.TryValidate(_parsedReport, out var failure))
        {
            throw new InvalidOperationException($"The benchmark's AE is invalid: {failure}");
        }
    }

    [Benchmark]
    public int ParseTradeCaptureReport()
    {
        FixParser.TryParse(_tradeCaptureReport, _message, out var consumed, out _);
        return consumed;
    }

    [Benchmark]
    public int ParseNewOrderSingle()
    {
        FixParser.TryParse(_newOrderSingle, _message, out var consumed, out _);
        return consumed;
    }

    [Benchmark]
    public int EncodeTradeCaptureReportAck()
    {
        _body.Clear();
        _body.Add(Tags.TradeReportID, "TR-000123"u8);
        _body.Add(Tags.TradeID, "T000000000042"u8);
        _body.Add(Tags.TradeReportTransType, 0);
        _body.Add(Tags.TradeReportType, 0);
        _body.Add(Tags.TrdRptStatus, 0);
        _body.Add(Tags.Symbol, "VOD.L"u8);
        _body.Add(Tags.LastQty, 1000m);
        _body.Add(Tags.LastPx, 101.25m);
        _body.AddUtcDate(Tags.TradeDate, new DateOnly(2026, 3, 15));
        _body.AddUtcTimestamp(Tags.TransactTime, Now);
        _output.ResetWrittenCount();
        var header = new FixHeader("FIX.4.4", "TRADEFLOW", "CLIENT", 42, Now);
        return FixEncoder.Encode(_output, header, "AR"u8, _body.Written);
    }

    [Benchmark]
    public int EncodeExecutionReport()
    {
        _body.Clear();
        _body.Add(Tags.OrderID, "T000000000043"u8);
        _body.Add(Tags.ClOrdID, "CL-0001"u8);
        _body.Add(Tags.ExecID, "E000000000043-2"u8);
        _body.Add(Tags.ExecType, 'F');
        _body.Add(Tags.OrdStatus, '2');
        _body.Add(Tags.Symbol, "VOD.L"u8);
        _body.Add(Tags.Side, '1');
        _body.Add(Tags.OrderQty, 5000m);
        _body.Add(Tags.LastQty, 5000m);
        _body.Add(Tags.LastPx, 101.5m);
        _body.Add(Tags.LeavesQty, 0m);
        _body.Add(Tags.CumQty, 5000m);
        _body.Add(Tags.AvgPx, 101.5m);
        _body.AddUtcTimestamp(Tags.TransactTime, Now);
        _output.ResetWrittenCount();
        var header = new FixHeader("FIX.4.4", "TRADEFLOW", "CLIENT", 43, Now);
        return FixEncoder.Encode(_output, header, "8"u8, _body.Written);
    }

    [Benchmark]
    public bool ValidateTradeCaptureReport() => _validator.TryValidate(_parsedReport, out _);

    private static byte[] Frame(string fields)
    {
        var body = Encoding.ASCII.GetBytes(fields.Replace('|', '\u0001'));
        var prefix = Encoding.ASCII.GetBytes($"8=FIX.4.4\u00019={body.Length}\u0001");
        var frame = prefix.Concat(body).ToArray();
        var trailer = Encoding.ASCII.GetBytes($"10={FixParser.ComputeCheckSum(frame):D3}\u0001");
        return [.. frame, .. trailer];
    }
}
