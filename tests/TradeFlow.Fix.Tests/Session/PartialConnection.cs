using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// A byte stream whose write that never blocks accepts what <see cref="Accept"/> allows, like a socket whose send
/// buffer fills. Until <see cref="MakeWritable"/> its writability wait times out, so the session's drain waits the way
/// it would for a counterparty that stopped reading.
/// </summary>
internal sealed class PartialConnection : ISessionConnection
{
    private readonly Lock _sync = new();
    private readonly List<byte> _bytes = [];
    private readonly object _writable = new();
    private int _wakes;
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private Func<int, int> _accept = n => n;
    private int _closed;
    private TaskCompletionSource? _afterTake;
    private bool _took;

    /// <summary>How many of the offered bytes the next non-blocking writes accept (all, unless set).</summary>
    public Func<int, int> Accept
    {
        get { lock (_sync) { return _accept; } }
        set { lock (_sync) { _accept = value; } }
    }

    public bool Supported { get; init; } = true;

    /// <summary>When not 0, non-blocking writes fail with this errno (a reset connection).</summary>
    public int FailWith { get; set; }

    public int BlockingWrites { get; private set; }

    /// <summary>How many times the session waited for this connection to become writable.</summary>
    public int Waits { get; private set; }

    public bool Closed => Volatile.Read(ref _closed) != 0;

    public string RemoteAddress => "partial";

    public bool CanSendWithoutBlocking => Supported;

    /// <summary>Runs inside the next non-blocking write, while its caller holds the send gate.</summary>
    public Action? DuringNextTrySend { get; set; }

    /// <summary>Bytes on the wire so far.</summary>
    public int Length
    {
        get { lock (_sync) { return _bytes.Count; } }
    }

    public void Send(ReadOnlySpan<byte> data)
    {
        BlockingWrites++;
        Append(data);
    }

    public SendOutcome TrySendNow(ReadOnlySpan<byte> data)
    {
        var during = DuringNextTrySend;
        DuringNextTrySend = null;
        during?.Invoke();
        if (Closed)
        {
            return SendOutcome.Failed(9);
        }

        if (FailWith != 0)
        {
            return SendOutcome.Failed(FailWith);
        }

        var accepted = Math.Clamp(Accept(data.Length), 0, data.Length);
        Append(data[..accepted]);
        return SendOutcome.Accepted(accepted);
    }

    public bool WaitWritable(TimeSpan timeout)
    {
        lock (_sync)
        {
            Waits++;
            if (_took)
            {
                _afterTake?.TrySetResult();
            }
        }

        lock (_writable)
        {
            if (_wakes == 0 && !Closed && FailWith == 0)
            {
                Monitor.Wait(_writable, timeout);
            }

            var woken = _wakes > 0;
            _wakes = Math.Max(0, _wakes - 1);
            return woken || Closed || FailWith != 0;
        }
    }

    /// <summary>
    /// The counterparty takes <paramref name="bytes"/> bytes once, then nothing again; a waiting drain wakes. Completes
    /// when the session waits for the connection again after that write (so whatever it did on taking them is done).
    /// </summary>
    public Task TakeOnceAsync(int bytes)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            _afterTake = done;
            _took = false;
            _accept = offered =>
            {
                lock (_sync)
                {
                    var take = _took ? 0 : Math.Min(bytes, offered);
                    _took = true;
                    return take;
                }
            };
        }

        Wake();
        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The counterparty reads again: writes accept everything, and a waiting drain wakes.</summary>
    public void MakeWritable()
    {
        Accept = n => n;
        Wake();
    }

    /// <summary>A waiting drain wakes (once), as when the socket has room again.</summary>
    public void Wake()
    {
        lock (_writable)
        {
            _wakes++;
            Monitor.PulseAll(_writable);
        }
    }

    public void Disconnect()
    {
        Volatile.Write(ref _closed, 1);
        Wake();
        DisconnectCalled.TrySetResult();
        OnDisconnect?.Invoke();
    }

    /// <summary>Runs inside <see cref="Disconnect"/>, on the thread that closes the connection, after the close.</summary>
    public Action? OnDisconnect { get; set; }

    /// <summary>Completes when the session closes this connection.</summary>
    public TaskCompletionSource DisconnectCalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once at least <paramref name="count"/> whole messages are on the wire.</summary>
    public Task WaitForMessagesAsync(int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (Frame(whole: false).Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Every message on the wire so far; fails if the bytes do not frame as whole messages.</summary>
    public List<FixMessage> Messages()
    {
        lock (_sync)
        {
            return Frame(whole: true);
        }
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        lock (_sync)
        {
            _bytes.AddRange(data);
            var framed = Frame(whole: false).Count;
            foreach (var waiter in _waiters.Where(w => w.Count <= framed).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private List<FixMessage> Frame(bool whole)
    {
        var bytes = _bytes.ToArray();
        var messages = new List<FixMessage>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var message = new FixMessage();
            var status = FixParser.TryParse(bytes.AsSpan(offset), message, out var consumed, out _);
            if (!whole && status == FixParseStatus.Incomplete)
            {
                break;
            }

            Assert.Equal(FixParseStatus.Complete, status);
            messages.Add(message);
            offset += consumed;
        }

        return messages;
    }
}
