using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// TCP delivers a stream cut anywhere: which messages the parser frames must not depend on where the reads end. A
/// stream of the fuzz test's framed and garbled chunks is framed in one read and again cut at random points (down to
/// a byte per read), and both must frame the same messages — every framed message the fuzzer sent. A CI run found a
/// read ending just before a garbled chunk's closing <c>&lt;SOH&gt;8=FIX</c>, after which the next frame was skipped
/// and the session asked for a resend of a message it had been sent.
/// </summary>
public sealed class ReadBoundaryProperties
{
    private static readonly DateTime Now = new(2026, 3, 17, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Framing_does_not_depend_on_where_the_reads_end()
    {
        var streams = from seed in Gen.Choose(0, int.MaxValue)
                      from cutSeed in Gen.Choose(0, int.MaxValue)
                      from largestRead in Gen.Elements(1, 3, 20, 300, 5_000)
                      select (seed, cutSeed, largestRead);
        Prop.ForAll(streams.ToArbitrary(), input =>
        {
            var (bytes, framed) = FuzzStream(input.seed, chunks: 150);
            var cuts = new Random(input.cutSeed);
            var inOneRead = Frame(bytes, _ => bytes.Length);
            var inPieces = Frame(bytes, _ => cuts.Next(1, input.largestRead + 1));
            return inOneRead.SequenceEqual(framed) && inPieces.SequenceEqual(framed);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The fuzz test's mix of framed (mutated or valid) and garbled chunks; returns the framed MsgSeqNums in order.</summary>
    private static (byte[] Bytes, List<int> Framed) FuzzStream(int seed, int chunks)
    {
        var random = new Random(seed);
        var mutator = new BodyMutator(random);
        var garbler = new GarbledInputs(random);
        var bytes = new ArrayBufferWriter<byte>();
        var framed = new List<int>();
        var seq = 1;
        for (var i = 0; i < chunks; i++)
        {
            if (random.Next(4) == 0)
            {
                bytes.Write(garbler.Next(seq, Now, out _));
                continue;
            }

            var (msgType, body) = mutator.Next(out _);
            framed.Add(seq);
            bytes.Write(FixEncoder.EncodeToArray(new FixHeader("FIX.4.4", "FUZZER", "TRADEFLOW", seq++, Now), Encoding.ASCII.GetBytes(msgType), body));
        }

        return (bytes.WrittenSpan.ToArray(), framed);
    }

    /// <summary>Frames <paramref name="stream"/> as the connection's read loop does, reading <paramref name="nextRead"/> bytes at a time.</summary>
    private static List<int> Frame(byte[] stream, Func<int, int> nextRead)
    {
        var framed = new List<int>();
        var buffer = new byte[stream.Length];
        var message = new FixMessage();
        var filled = 0;
        for (var fed = 0; fed < stream.Length;)
        {
            var read = Math.Min(nextRead(fed), stream.Length - fed);
            stream.AsSpan(fed, read).CopyTo(buffer.AsSpan(filled));
            fed += read;
            filled += read;
            var offset = 0;
            while (offset < filled)
            {
                var status = FixParser.TryParse(buffer.AsSpan(offset, filled - offset), message, out var consumed, out _);
                if (status == FixParseStatus.Incomplete)
                {
                    break;
                }

                offset += consumed;
                if (status == FixParseStatus.Complete)
                {
                    framed.Add(message.MsgSeqNum);
                }
            }

            buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
            filled -= offset;
        }

        return framed;
    }
}
