using System.Globalization;
using System.Text;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// Byte sequences FIX says are garbled and must be ignored without consuming a sequence number: a valid frame with a
/// flipped byte, cut short, with a wrong BodyLength or CheckSum, with a field that has no numeric tag, or a random
/// blob. Each is followed by a guard of junk ending in SOH, long enough that the parser has decided about the bad
/// frame before the guard ends: a frame that claims more bytes than it has would otherwise swallow the next valid
/// message (as it would in any engine), and the test could no longer say which messages were framed.
/// </summary>
internal sealed class GarbledInputs(Random random)
{
    /// <summary>The kinds <see cref="Next"/> produces, for the report.</summary>
    public static readonly string[] Kinds = ["flip", "truncate", "body length", "checksum", "malformed field", "blob"];

    /// <summary>A garbled chunk (guard included) built around a message numbered <paramref name="seq"/>; <paramref name="kind"/> is one of <see cref="Kinds"/>.</summary>
    public byte[] Next(int seq, DateTime sendingTime, out string kind)
    {
        var frame = ValidFrame(seq, sendingTime);
        kind = Kinds[random.Next(Kinds.Length)];
        var chunk = kind switch
        {
            "flip" => Flip(frame),
            "truncate" => frame[..random.Next(1, frame.Length - 1)],
            "body length" => WithBodyLength(frame),
            "checksum" => WithCheckSum(frame),
            "malformed field" => Malformed(seq, sendingTime),
            _ => Blob(),
        };
        return [.. chunk, .. Guard(chunk)];
    }

    /// <summary>
    /// How many bytes the parser waits for before judging a chunk that starts like a frame (0 when it cannot tell):
    /// the guard must be longer than what is missing, and its last byte SOH lets the parser resynchronise on the
    /// next <c>&lt;SOH&gt;8=FIX</c>.
    /// </summary>
    private static byte[] Guard(byte[] chunk)
    {
        var missing = Math.Max(0, ClaimedLength(chunk) - chunk.Length);
        var guard = new byte[missing + 9];
        guard.AsSpan().Fill((byte)'X');
        guard[^1] = 1;
        return guard;
    }

    private static int ClaimedLength(byte[] chunk)
    {
        var text = Encoding.Latin1.GetString(chunk);
        var soh = text.IndexOf('\u0001', StringComparison.Ordinal);
        if (!text.StartsWith("8=FIX", StringComparison.Ordinal) || soh < 0 || !text.AsSpan(soh + 1).StartsWith("9="))
        {
            return 0;
        }

        var end = text.IndexOf('\u0001', soh + 1);
        var digits = end < 0 ? "" : text[(soh + 3)..end];
        return digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit) && int.Parse(digits, CultureInfo.InvariantCulture) is var length
            && length <= FixParser.MaxBodyLength
            ? end + 1 + length + 7
            : 0;
    }

    private byte[] ValidFrame(int seq, DateTime sendingTime)
    {
        var (msgType, body) = FuzzTemplates.All[random.Next(FuzzTemplates.All.Length)];
        var text = string.Concat(body.Select(f => $"{f.Tag}={f.Value}\u0001"));
        return Frame(msgType, seq, sendingTime, Encoding.ASCII.GetBytes(text));
    }

    private static byte[] Frame(string msgType, int seq, DateTime sendingTime, byte[] body) =>
        FixEncoder.EncodeToArray(new FixHeader("FIX.4.4", "FUZZER", "TRADEFLOW", seq, sendingTime), Encoding.ASCII.GetBytes(msgType), body);

    private byte[] Flip(byte[] frame)
    {
        var copy = frame.ToArray();
        copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        return copy;
    }

    private byte[] WithBodyLength(byte[] frame)
    {
        var text = Encoding.ASCII.GetString(frame);
        var start = text.IndexOf("\u00019=", StringComparison.Ordinal) + 3;
        var end = text.IndexOf('\u0001', start);
        var length = int.Parse(text[start..end], CultureInfo.InvariantCulture);
        string[] wrong = [$"{length + random.Next(1, 60)}", $"{random.Next(1, length)}", "0", "", "abc", "-5", "99999999", $" {length}", $"{length}x"];
        return Encoding.ASCII.GetBytes(text[..start] + wrong[random.Next(wrong.Length)] + text[end..]);
    }

    private byte[] WithCheckSum(byte[] frame)
    {
        var text = Encoding.ASCII.GetString(frame);
        var start = text.Length - 4;
        var right = int.Parse(text[start..^1], CultureInfo.InvariantCulture);
        string[] wrong = [((right + random.Next(1, 256)) % 256).ToString("D3", CultureInfo.InvariantCulture), "XYZ", "12", "1234", ""];
        return Encoding.ASCII.GetBytes(text[..start] + wrong[random.Next(wrong.Length)] + "\u0001");
    }

    /// <summary>A frame whose BodyLength and CheckSum are right but one field has no numeric tag: the message cannot be read, so it is garbled too.</summary>
    private byte[] Malformed(int seq, DateTime sendingTime)
    {
        string[] fields = ["abc\u0001", "0=1\u0001", "=5\u0001", "11\u0001", "x1=2\u0001", "1234567890=1\u0001"];
        var body = "11=CL-9\u0001" + fields[random.Next(fields.Length)] + "54=1\u0001";
        return Frame("D", seq, sendingTime, Encoding.ASCII.GetBytes(body));
    }

    /// <summary>Random bytes (no '8', so never a stray <c>&lt;SOH&gt;8=FIX</c>), half of them behind a plausible 8=/9= start.</summary>
    private byte[] Blob()
    {
        var bytes = new byte[random.Next(1, 300)];
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = random.Next(4) == 0 ? (byte)(random.Next(3) switch { 0 => 1, 1 => '=', _ => '0' + random.Next(10) }) : (byte)random.Next(0, 256);
            bytes[i] = b == (byte)'8' ? (byte)'9' : b;
        }

        return random.Next(2) == 0 ? bytes : [.. Encoding.ASCII.GetBytes($"8=FIX.4.4\u00019={random.Next(1, 400)}\u0001"), .. bytes];
    }
}
