using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace TradeFlow.Fix.Session;

/// <summary>
/// The garbage collections during a <see cref="FixTrace"/> window, one by one (generation, reason, pause), from the
/// runtime's own GC events: a total pause alone cannot tell a tail made of one long gen2 collection from many short
/// gen0 ones. Only created when the trace is on.
/// </summary>
internal sealed class FixTraceGc : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Lock _sync = new();
    private readonly List<string> _collections = [];
    private readonly Dictionary<string, int> _allocationTicks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ticksByThread = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _threadNames = [];
    private (int Generation, int Reason) _current;
    private DateTime _suspendedAt;
    private bool _recording;

    /// <summary>Starts keeping the collections from now on (the window opened).</summary>
    public void StartRecording()
    {
        lock (_sync)
        {
            _recording = true;
        }
    }

    /// <summary>Stops keeping collections (the last order of the window was answered; what follows is the shutdown).</summary>
    public void StopRecording()
    {
        lock (_sync)
        {
            _recording = false;
        }
    }

    /// <summary>One line per collection kept: generation, reason code (the runtime's GCReason), pause in ms.</summary>
    public string Describe()
    {
        lock (_sync)
        {
            return string.Join("; ", _collections);
        }
    }

    /// <summary>
    /// The types most often named by allocation ticks (each ~100 KB allocated) in the window, each with the thread
    /// that allocated it (<c>type @thread</c>).
    /// </summary>
    public string DescribeAllocations()
    {
        lock (_sync)
        {
            return string.Join("; ", _allocationTicks.OrderByDescending(t => t.Value).Take(40).Select(t => $"{t.Key} {t.Value}"));
        }
    }

    /// <summary>The allocation ticks of the window summed by allocating thread.</summary>
    public string DescribeAllocationsByThread()
    {
        lock (_sync)
        {
            return string.Join("; ", _ticksByThread.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value}"));
        }
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Verbose adds GCAllocationTick: one event per ~100 KB allocated, naming the type that crossed the mark
            // — a sampling allocation profile, to say who feeds the collections.
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // GCStart_V2 carries depth and reason; the pause is from the suspension of managed threads to their restart.
        switch (eventData.EventName)
        {
            case "GCStart_V2" when eventData.Payload is { Count: >= 3 } start:
                _current = (Convert.ToInt32(start[1], CultureInfo.InvariantCulture), Convert.ToInt32(start[2], CultureInfo.InvariantCulture));
                break;
            case "GCSuspendEEBegin_V1":
                _suspendedAt = eventData.TimeStamp;
                break;
            case "GCRestartEEEnd_V1":
                Record((eventData.TimeStamp - _suspendedAt).TotalMilliseconds);
                break;
            case not null when eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal):
                CountTick(eventData);
                break;
        }
    }

    private void CountTick(EventWrittenEventArgs tick)
    {
        var at = tick.PayloadNames?.IndexOf("TypeName") ?? -1;
        var type = at >= 0 && tick.Payload is { } payload ? payload[at] as string ?? "?" : "?";
        lock (_sync)
        {
            if (_recording)
            {
                var thread = ThreadName(tick.OSThreadId);
                var key = type + " @" + thread;
                _allocationTicks[key] = _allocationTicks.GetValueOrDefault(key) + 1;
                _ticksByThread[thread] = _ticksByThread.GetValueOrDefault(thread) + 1;
            }
        }
    }

    // The runtime's events name the allocating thread by its OS id; on Linux a managed thread's Name reaches the
    // kernel (first 15 characters), so /proc says which stage it is. Read once per thread; the trace only.
    private string ThreadName(long osThreadId)
    {
        if (!_threadNames.TryGetValue(osThreadId, out var name))
        {
            try
            {
                name = File.ReadAllText($"/proc/self/task/{osThreadId}/comm").Trim();
            }
            catch (IOException)
            {
                name = osThreadId.ToString(CultureInfo.InvariantCulture);
            }
            catch (UnauthorizedAccessException)
            {
                name = osThreadId.ToString(CultureInfo.InvariantCulture);
            }

            _threadNames[osThreadId] = name;
        }

        return name;
    }

    private void Record(double pauseMs)
    {
        lock (_sync)
        {
            if (_recording)
            {
                _collections.Add(new StringBuilder().Append(CultureInfo.InvariantCulture,
                    $"gen{_current.Generation} reason {_current.Reason} {pauseMs:F1} ms").ToString());
            }
        }
    }
}
