using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// Every garbage collection of a measured stretch with its generation and the runtime's reason, from the runtime's
/// own events (<c>GCStart_V2</c>: depth and reason; <c>GCEnd_V1</c> for the pause; <c>GCHeapStats_V2</c> for the
/// bytes each generation holds and the bytes promoted), through an in-process <see cref="EventListener"/> at the
/// GC keyword's informational level — a handful of events per collection, not per allocation. Used by
/// <see cref="EngineSaturation"/> with <c>TRADEFLOW_GC_TRACE=1</c> to say why a saturated round had a gen2
/// collection: a reason <c>AllocLarge</c> means the large-object heap's budget ran out (large objects count
/// against gen2), <c>AllocSmall</c> at depth 2 that gen1's promotions filled gen2's budget.
/// <c>TRADEFLOW_GC_TRACE=all</c> also prints every collection on a line of its own — the
/// collections outside the measured stretches too (building the engine and the round's captures) — with the bytes
/// promoted out of gen0 and gen1 and each generation's size after it: what ages into gen2, and where in the process
/// each gen2 falls. (This runtime reports its condemn reasons in <c>GCGlobalHeapHistory</c> as 0, so they are not shown.)
/// </summary>
internal sealed class GcTrace(bool verbose) : EventListener
{
    private const int GcStartEventId = 1;
    private const int GcEndEventId = 2;
    private const int GcHeapStatsEventId = 4;

    // The runtime's gc_reason values (gcinterface.h), for the ones a running process can hit.
    private static readonly string[] Reasons =
    [
        "AllocSmall", "Induced", "LowMemory", "Empty", "AllocLarge", "OutOfSpaceSOH", "OutOfSpaceLOH",
        "InducedNotForced", "Internal", "InducedLowMemory", "InducedCompacting", "LowMemoryHost", "PMFullGC",
        "LowMemoryHostBlocking", "BgcTuningSOH", "BgcTuningLOH", "BgcStepping", "InducedAggressive", "ProvisionalModeInduced",
        "AllocPOH",
    ];

    private readonly List<Collection> _collections = [];
    private readonly bool _verbose = verbose;
    private readonly Lock _gate = new();
    private Collection? _current;

    /// <summary>Forgets what was traced so far (printing it first when verbose: the collections outside a measured stretch).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            if (_verbose && _collections.Count > 0)
            {
                Console.WriteLine("  gc outside the measured stretch:");
                PrintEach();
            }

            _collections.Clear();
            _current = null;
        }
    }

    /// <summary>Prints collections counted by generation and reason, then each gen2 with its pause and heap sizes.</summary>
    public void Print()
    {
        lock (_gate)
        {
            var summary = new StringBuilder("  gc:");
            foreach (var group in _collections.GroupBy(c => (c.Depth, c.Reason)).OrderByDescending(g => g.Key.Depth))
            {
                summary.Append(CultureInfo.InvariantCulture, $" gen{group.Key.Depth} {ReasonName(group.Key.Reason)} x{group.Count()};");
            }

            // A gen1 or a gen2 collection moves gen1's survivors into gen2: what spends gen2's budget.
            var gen1Promoted = _collections.Where(c => c.Depth >= 1).Sum(c => c.Promoted1);
            summary.Append(CultureInfo.InvariantCulture, $" gen1 promoted to gen2 {gen1Promoted / 1048576.0:F1} MB in all");
            Console.WriteLine(summary.ToString());
            if (_verbose)
            {
                PrintEach();
                _collections.Clear();
                return;
            }

            foreach (var c in _collections.Where(c => c.Depth == 2))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    gen2 #{c.Number} {ReasonName(c.Reason)}: pause {c.PauseMs:F0} ms, after it gen2 {c.Gen2Size / 1048576.0:F1} MB, LOH {c.LohSize / 1048576.0:F1} MB, POH {c.PohSize / 1048576.0:F1} MB"));
            }
        }
    }

    private void PrintEach()
    {
        foreach (var c in _collections)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    #{c.Number} gen{c.Depth} {ReasonName(c.Reason)}: promoted out of gen0 {c.Promoted0 / 1048576.0:F1} MB, out of gen1 {c.Promoted1 / 1048576.0:F1} MB; after: gen0 {c.Gen0Size / 1048576.0:F1} gen1 {c.Gen1Size / 1048576.0:F1} gen2 {c.Gen2Size / 1048576.0:F1} LOH {c.LohSize / 1048576.0:F1} MB; pause {c.PauseMs:F1} ms"));
        }
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Keyword 0x1 = GC; informational leaves out the per-100-KB allocation tick.
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        lock (_gate)
        {
            switch (eventData.EventId)
            {
                case GcStartEventId:
                    _current = new Collection
                    {
                        Number = Field(names, payload, "Count"),
                        Depth = (int)Field(names, payload, "Depth"),
                        Reason = (int)Field(names, payload, "Reason"),
                        Start = eventData.TimeStamp,
                    };
                    _collections.Add(_current);
                    break;
                case GcEndEventId when _current is not null:
                    _current.PauseMs = (eventData.TimeStamp - _current.Start).TotalMilliseconds;
                    break;
                case GcHeapStatsEventId when _current is not null:
                    _current.Promoted0 = Field(names, payload, "TotalPromotedSize0");
                    _current.Promoted1 = Field(names, payload, "TotalPromotedSize1");
                    _current.Gen0Size = Field(names, payload, "GenerationSize0");
                    _current.Gen1Size = Field(names, payload, "GenerationSize1");
                    _current.Gen2Size = Field(names, payload, "GenerationSize2");
                    _current.LohSize = Field(names, payload, "GenerationSize3");
                    _current.PohSize = Field(names, payload, "GenerationSize4");
                    break;
            }
        }
    }

    private static long Field(System.Collections.ObjectModel.ReadOnlyCollection<string> names, System.Collections.ObjectModel.ReadOnlyCollection<object?> payload, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return Convert.ToInt64(payload[i], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private static string ReasonName(int reason) => reason >= 0 && reason < Reasons.Length ? Reasons[reason] : "reason" + reason.ToString(CultureInfo.InvariantCulture);

    private sealed class Collection
    {
        public long Number { get; init; }

        public int Depth { get; init; }

        public int Reason { get; init; }

        public DateTime Start { get; init; }

        public double PauseMs { get; set; }

        public long Promoted0 { get; set; }

        public long Promoted1 { get; set; }

        public long Gen0Size { get; set; }

        public long Gen1Size { get; set; }

        public long Gen2Size { get; set; }

        public long LohSize { get; set; }

        public long PohSize { get; set; }
    }
}
