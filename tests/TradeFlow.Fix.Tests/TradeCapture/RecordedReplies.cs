using System.Text;
using System.Threading.Channels;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.TradeCapture;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>The replies an application sends, as "MsgType|body" lines awaited in order with a generous timeout.</summary>
internal sealed class RecordedReplies : IReplyOutbox
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Channel<Reply> _replies = Channel.CreateUnbounded<Reply>();

    public bool Queue(SessionId session, string msgType, FixFieldWriter body)
    {
        _replies.Writer.TryWrite(new Reply(session, msgType, Encoding.ASCII.GetString(body.Written).Replace('\u0001', '|')));
        return true;
    }

    public void Flush(SessionId session)
    {
    }

    public async Task<Reply> Next() => await _replies.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public int Pending => _replies.Reader.Count;

    /// <summary>One reply: its type and body fields with '|' for SOH.</summary>
    public sealed record Reply(SessionId Session, string MsgType, string Body)
    {
        public string? Field(int tag)
        {
            var prefix = tag + "=";
            return Body.Split('|').FirstOrDefault(f => f.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        }
    }
}
