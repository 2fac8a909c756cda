using System.Diagnostics.Tracing;
using System.Globalization;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// A sampled allocation profile by thread and type: the runtime's <c>GCAllocationTick</c> event fires about once
/// per 100 KB allocated and names the type and the allocating thread, so the amounts are estimates (good to a few
/// bytes per command over 100,000 commands). Thread names come from <c>/proc</c> (Linux), e.g. <c>ring:DecideStag</c>.
/// The listener's own work shows up as a thread of its own.
/// </summary>
internal sealed class AllocationProfile : EventListener
{
    private const int AllocationTickEventId = 10;
    private readonly Dictionary<(string Thread, string Type), long> _bytes = [];
    private readonly Lock _gate = new();

    /// <summary>Forgets what was sampled so far.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _bytes.Clear();
        }
    }

    /// <summary>Prints bytes per command by thread, and the top types of each.</summary>
    public void Print(int commands)
    {
        lock (_gate)
        {
            foreach (var thread in _bytes.GroupBy(kv => kv.Key.Thread).OrderByDescending(g => g.Sum(kv => kv.Value)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {thread.Key}: {thread.Sum(kv => kv.Value) / (double)commands:F0} B/cmd"));
                foreach (var (key, bytes) in thread.OrderByDescending(kv => kv.Value).Take(12))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {bytes / (double)commands,7:F1}  {key.Type}"));
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Keyword 0x1 = GC; the allocation tick is a verbose event.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        // AllocationKind 1 = the large-object heap, 2 = the pinned-object heap: named so the LOH's budget can be traced.
        var kind = names.IndexOf("AllocationKind") is var k and >= 0 ? Convert.ToInt32(payload[k], CultureInfo.InvariantCulture) : 0;
        type = kind switch { 1 => "[LOH] " + type, 2 => "[POH] " + type, _ => type };
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        var thread = ThreadName(eventData.OSThreadId);
        lock (_gate)
        {
            _bytes[(thread, type)] = _bytes.GetValueOrDefault((thread, type)) + amount;
        }
    }

    private static string ThreadName(long osThreadId)
    {
        try
        {
            return File.ReadAllText($"/proc/self/task/{osThreadId.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
        }
        catch (IOException)
        {
            return osThreadId.ToString(CultureInfo.InvariantCulture);
        }
    }
}
