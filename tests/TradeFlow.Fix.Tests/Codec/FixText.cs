using System.Text;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Codec;

/// <summary>Builds wire bytes from readable text with '|' for SOH, computing BodyLength and CheckSum.</summary>
internal static class FixText
{
    /// <summary>Replaces '|' with SOH.</summary>
    public static byte[] Bytes(string pipes) => Encoding.UTF8.GetBytes(pipes.Replace('|', '\u0001'));

    /// <summary>Renders bytes with '|' for SOH.</summary>
    public static string Pipes(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes).Replace('\u0001', '|');

    /// <summary>
    /// Frames <paramref name="fields"/> (everything after 9=, e.g. "35=0|49=A|...|") as 8=FIX.4.4|9=n|...|10=ccc|.
    /// </summary>
    public static byte[] Frame(string fields, string bodyLengthFormat = "")
    {
        var body = Bytes(fields);
        var prefix = Bytes($"8=FIX.4.4|9={body.Length.ToString(bodyLengthFormat, System.Globalization.CultureInfo.InvariantCulture)}|");
        var withoutTrailer = prefix.Concat(body).ToArray();
        var checkSum = FixParser.ComputeCheckSum(withoutTrailer);
        return withoutTrailer.Concat(Bytes($"10={checkSum:D3}|")).ToArray();
    }

    /// <summary>A typical inbound TradeCaptureReport (AE) with two sides and parties.</summary>
    public static byte[] TradeCaptureReport() => Frame(
        "35=AE|49=CLIENT|56=TRADEFLOW|34=12|52=20260315-09:30:01.123|571=TR-000123|487=0|856=0|570=N|55=VOD.L|" +
        "48=GB00BH4HKS39|22=4|32=1000|31=101.25|75=20260315|64=20260317|60=20260315-09:30:00.456|552=2|" +
        "54=1|37=ORD-1|453=2|448=BANK-A|447=D|452=1|448=TRADER-7|447=D|452=11|1=ACC-1|" +
        "54=2|37=ORD-2|453=1|448=BANK-B|447=D|452=1|1=ACC-2|15=GBP|");

    /// <summary>A typical inbound NewOrderSingle (D).</summary>
    public static byte[] NewOrderSingle() => Frame(
        "35=D|49=CLIENT|56=TRADEFLOW|34=13|52=20260315-09:31:00.000|11=CL-0001|1=ACC-1|55=VOD.L|48=GB00BH4HKS39|" +
        "22=4|54=1|60=20260315-09:30:59.999|38=5000|40=2|44=101.5|59=0|15=GBP|");
}
