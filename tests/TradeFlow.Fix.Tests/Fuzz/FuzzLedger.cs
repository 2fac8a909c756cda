using System.Globalization;
using System.Text;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// What the fuzzer sent and what came back: every framed message's MsgSeqNum must be accounted for by exactly one
/// session Reject (45 = it), one BusinessMessageReject (45 = it) or the application having taken it; a message the
/// fuzzer left valid must reach the application; nothing else may be answered.
/// </summary>
internal sealed class FuzzLedger
{
    private readonly Dictionary<int, string> _framed = [];
    private readonly Dictionary<int, string> _outcomes = [];
    private readonly SortedDictionary<string, int> _garbled = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _rejectReasons = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];
    private int _rejects;
    private int _businessRejects;
    private int _taken;

    public int FramedCount => _framed.Count;

    public int GarbledCount => _garbled.Values.Sum();

    public IReadOnlyList<string> Problems => _problems;

    public void Framed(int seq, string mutations) => _framed.Add(seq, mutations);

    public void Garbled(string kind) => _garbled[kind] = _garbled.GetValueOrDefault(kind) + 1;

    /// <summary>Accounts for a Reject or j; false (a problem recorded) for anything else.</summary>
    public bool Answer(FixMessage reply)
    {
        var msgType = reply.MsgTypeString;
        if (msgType is not (MsgTypes.Reject or MsgTypes.BusinessMessageReject) || !reply.TryGetInt(Tags.RefSeqNum, out var seq))
        {
            _problems.Add($"unexpected reply {reply}");
            return false;
        }

        if (msgType == MsgTypes.Reject)
        {
            _rejects++;
            reply.TryGetInt(Tags.SessionRejectReason, out var reason);
            var key = reason.ToString("D2", CultureInfo.InvariantCulture);
            _rejectReasons[key] = _rejectReasons.GetValueOrDefault(key) + 1;
        }
        else
        {
            _businessRejects++;
        }

        Outcome(seq, $"{reply}");
        return true;
    }

    public void Taken(IEnumerable<int> seqs)
    {
        foreach (var seq in seqs)
        {
            _taken++;
            Outcome(seq, "taken by FromApp");
        }
    }

    /// <summary>Checks every framed number has its one outcome and every valid message reached the application.</summary>
    public void Close()
    {
        foreach (var (seq, mutations) in _framed)
        {
            if (!_outcomes.TryGetValue(seq, out var outcome))
            {
                _problems.Add($"{seq} [{mutations}] got no Reject, no j and never reached the application");
            }
            else if (mutations.Length == 0 && outcome != "taken by FromApp")
            {
                _problems.Add($"{seq} was left valid but was answered {outcome}");
            }
        }
    }

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"framed {_framed.Count} (left valid {_framed.Values.Count(m => m.Length == 0)}), ");
        text.Append(CultureInfo.InvariantCulture, $"garbled {GarbledCount} ({string.Join(", ", _garbled.Select(g => $"{g.Key} {g.Value}"))}); ");
        text.Append(CultureInfo.InvariantCulture, $"Reject {_rejects} (373: {string.Join(", ", _rejectReasons.Select(r => $"{r.Key}×{r.Value}"))}), ");
        text.Append(CultureInfo.InvariantCulture, $"j {_businessRejects}, application {_taken}");
        return text.ToString();
    }

    private void Outcome(int seq, string outcome)
    {
        if (!_framed.TryGetValue(seq, out var mutations))
        {
            _problems.Add($"{outcome} refers to {seq}, which the fuzzer did not send framed");
        }
        else if (!_outcomes.TryAdd(seq, outcome))
        {
            _problems.Add($"{seq} [{mutations}] accounted twice: {_outcomes[seq]} and {outcome}");
        }
    }
}
