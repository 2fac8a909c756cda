using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TradeFlow.EventSourcing;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verification;

/// <summary>
/// <c>verify</c> on a store without a hash chain (PostgreSQL): positions dense from 1, stream versions dense from 0,
/// every payload readable, and a SHA-256 over every envelope in position order as the head hash an auditor can pin
/// (the same store gives the same hash; any edit of an event changes it).
/// </summary>
internal static class StoreVerifier
{
    public static VerifyReport Run(ReplayEnvironment environment, ReplayStore store, byte[]? expectedHash, bool checkPayloads)
    {
        var problems = new List<VerifyProblem>();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[32];
        long events = 0;
        long? expectedAt = null;
        var total = store.Head.Value;
        ProgressReporter.Run(environment, "verify", progress => store.Read(() =>
        {
            foreach (var e in store.Journal.ReadAll(GlobalPosition.Start, Direction.Forwards, total))
            {
                environment.CancellationToken.ThrowIfCancellationRequested();
                events++;
                Check(e, events, versions, problems, checkPayloads);
                Append(hash, e);
                hash.GetCurrentHash(head);
                if (expectedHash is not null && head.AsSpan().SequenceEqual(expectedHash))
                {
                    expectedAt = e.Position.Value;
                }

                if ((events & 0xFFF) == 0)
                {
                    progress(events, total);
                }
            }

            return events;
        }));
        if (expectedHash is not null && expectedAt is null)
        {
            problems.Add(new VerifyProblem(null, null, null, "the pinned hash (--expect-hash) matches no prefix of the store: the history it sealed was changed or cut off"));
        }

        return new VerifyReport
        {
            Store = store.Selection.Describe(),
            Events = events,
            Streams = versions.Count,
            HeadPosition = events,
            HeadHash = events == 0 ? new string('0', 64) : Convert.ToHexStringLower(head),
            HashKind = "content",
            ExpectedHashPosition = expectedAt,
            Problems = problems,
        };
    }

    private static void Check(RecordedEvent e, long expectedPosition, Dictionary<string, long> versions, List<VerifyProblem> problems, bool checkPayloads)
    {
        if (e.Position.Value != expectedPosition)
        {
            problems.Add(new VerifyProblem(null, null, e.Position.Value, string.Create(CultureInfo.InvariantCulture, $"expected global position {expectedPosition}, found {e.Position.Value}")));
        }

        var expectedVersion = versions.TryGetValue(e.StreamId, out var last) ? last + 1 : 0;
        if (e.StreamVersion != expectedVersion)
        {
            problems.Add(new VerifyProblem(null, null, e.Position.Value, string.Create(CultureInfo.InvariantCulture, $"stream '{e.StreamId}' expected version {expectedVersion}, found {e.StreamVersion}")));
        }

        versions[e.StreamId] = e.StreamVersion;
        if (checkPayloads && PayloadCheck.Check(e.Type, e.SchemaVersion, e.Payload.Span) is { } reason)
        {
            problems.Add(new VerifyProblem(null, null, e.Position.Value, reason));
        }
    }

    // The envelope fields that make the event what it is, length-prefixed so that no two envelopes hash alike.
    private static void Append(IncrementalHash hash, RecordedEvent e)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{e.Position.Value}|{e.StreamId}|{e.StreamVersion}|{e.EventId}|{e.Type}|{e.SchemaVersion}|{e.RecordedTime.UtcTicks}|{e.EffectiveTime.UtcTicks}|{e.CorrelationId}|{e.CausationId}|{e.Source}|{e.Actor}|{e.Payload.Length}|{e.Metadata.Length}|");
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData(e.Payload.Span);
        hash.AppendData(e.Metadata.Span);
    }
}
