using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Verification;

namespace TradeFlow.Replay.Tests;

/// <summary>
/// <c>verify --json</c> is written by hand (start-up); its specification is the shared serializer's output for the
/// same report, byte for byte.
/// </summary>
public sealed class VerifyReportJsonTests
{
    private static readonly string[] Texts =
    [
        "segment-00000001.tfj", "/data/journal/segment-00000000.tfj", "stream 'trade-42' expected version 3, found 5",
        "CRC-32C mismatch (the record's bytes changed after it was written)", "quote \" backslash \\ tab \t newline \n",
        "non-ASCII: é, ü, 日本, €", "<html> & </html>", "\u0001 control", string.Empty,
    ];

    [Fact]
    public void A_clean_journal_report_is_written_exactly_as_the_shared_serializer_writes_it()
    {
        var report = new VerifyReport
        {
            Store = "embedded journal /tmp/data",
            Events = 1_000_000,
            Segments = 2,
            Bytes = 350_798_480,
            Streams = 200_000,
            HeadPosition = 1_000_000,
            HeadHash = new string('a', 64),
            HashKind = "journal-chain",
            CheckpointEvents = 1_000_000,
        };

        Assert.Equal(Shared(report), Written(report));
    }

    [Fact]
    public void Any_report_with_any_problems_is_written_exactly_as_the_shared_serializer_writes_it()
    {
        var text = Gen.Elements(Texts);
        var optional = Gen.OneOf(Gen.Constant((long?)null), Gen.Choose(0, int.MaxValue).Select(n => (long?)n * 3));
        var problem =
            from file in Gen.OneOf(Gen.Constant((string?)null), text.Select(t => (string?)t))
            from offset in optional
            from position in optional
            from reason in text
            select new VerifyProblem(file, offset, position, reason);
        var reports =
            from store in text
            from counts in Gen.Choose(0, int.MaxValue).Two()
            from segments in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 100).Select(n => (int?)n))
            from bytes in optional
            from checkpoint in optional
            from expected in optional
            from problems in problem.ListOf()
            select new VerifyReport
            {
                Store = store,
                Events = counts.Item1,
                Segments = segments,
                Bytes = bytes,
                Streams = counts.Item2,
                HeadPosition = counts.Item1,
                HeadHash = Convert.ToHexStringLower(BitConverter.GetBytes((long)counts.Item2)),
                HashKind = counts.Item2 % 2 == 0 ? "journal-chain" : "content",
                TailBytes = counts.Item1 % 1000,
                CheckpointEvents = checkpoint,
                ExpectedHashPosition = expected,
                Problems = [.. problems],
            };

        Prop.ForAll(reports.ToArbitrary(), r => Shared(r) == Written(r)).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static string Shared(VerifyReport report)
    {
        using var output = new StringWriter();
        ReplayJson.Write(output, report);
        return output.ToString();
    }

    private static string Written(VerifyReport report)
    {
        using var output = new StringWriter();
        VerifyReportJson.Write(output, report);
        return output.ToString();
    }
}
