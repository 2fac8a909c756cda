using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The calling thread's CPU time (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, exact to the call) and the
/// nanoseconds it was runnable but waiting for a core (the run queue's delay, from Linux's
/// <c>/proc/thread-self/schedstat</c>, accounted each time the thread gets a core, so exact whenever read by the
/// running thread itself). The difference between two readings splits a span of wall time into work, waiting for a
/// core (contention), and the rest (blocked: sleeping, or in the disk's wait). Opened on the thread it describes;
/// each reading is a vDSO call and one <c>pread</c>, and allocates nothing. Diagnostics only
/// (<see cref="JournalStageCycles"/>); where the file does not exist every reading is zero. (schedstat's own on-CPU
/// figure is updated only at scheduler events, so it lags a running thread: not used.)
/// </summary>
internal sealed partial class JournalStageThreadTime : IDisposable
{
    private const int ThreadCpuClock = 3;

    private readonly SafeFileHandle? _handle;
    private readonly byte[] _text = new byte[96];

    /// <summary>Opens the counters of the calling thread.</summary>
    public JournalStageThreadTime()
    {
        try
        {
            _handle = File.OpenHandle("/proc/thread-self/schedstat");
        }
        catch (IOException)
        {
            _handle = null;
        }
        catch (UnauthorizedAccessException)
        {
            _handle = null;
        }
    }

    /// <summary>Nanoseconds on a CPU and waiting in the run queue, so far, for the thread that created this.</summary>
    public (long OnCpu, long RunQueue) Read()
    {
        if (_handle is null)
        {
            return (0, 0);
        }

        // A seq_file regenerates its text when read from offset 0, so one open handle serves every reading.
        var length = RandomAccess.Read(_handle, _text, 0);
        var span = _text.AsSpan(0, length);
        _ = Number(ref span);
        var runQueue = Number(ref span);
        var onCpu = ClockGetTime(ThreadCpuClock, out var time) == 0 ? (time.Seconds * 1_000_000_000) + time.Nanoseconds : 0;
        return (onCpu, runQueue);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>struct timespec on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <inheritdoc/>
    public void Dispose() => _handle?.Dispose();

    private static long Number(ref Span<byte> text)
    {
        var value = 0L;
        var i = 0;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        for (; i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        text = text[i..];
        return value;
    }
}
