using System.Diagnostics;

namespace TradeFlow.Ring.Tests.Support;

/// <summary>Waits on real signals with a generous timeout, never on a sleep.</summary>
public static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static void For(ManualResetEventSlim signal, string what)
    {
        Assert.True(signal.Wait(Timeout), $"Timed out waiting for {what}.");
    }

    public static void ForSequence(Sequence sequence, long value)
    {
        var spinner = default(SpinWait);
        var started = Stopwatch.GetTimestamp();
        while (sequence.Value < value)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < Timeout, $"Timed out waiting for sequence {value}; it is at {sequence.Value}.");
            spinner.SpinOnce();
        }
    }

    public static void ForThreads(IEnumerable<Thread> threads)
    {
        foreach (var thread in threads)
        {
            Assert.True(thread.Join(Timeout), $"Thread {thread.Name} did not finish.");
        }
    }
}
