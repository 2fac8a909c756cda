using TradeFlow.Ring.Processing;

namespace TradeFlow.Ring.Tests.Support;

/// <summary>
/// A stage that checks every producer's events arrive in that producer's order with none missing,
/// that the sequence numbers are consecutive, and whatever <see cref="Check"/> requires of
/// upstream stages' fields; then applies its own <see cref="Write"/> to the slot.
/// </summary>
public sealed class OrderCheckingHandler(int producers) : IEventHandler<TestSlot>
{
    private readonly long[] _nextPerProducer = new long[producers];
    private long _expectedSequence;

    public Func<TestSlot, bool> Check { get; init; } = _ => true;

    public Action<TestSlot> Write { get; init; } = _ => { };

    public long Count { get; private set; }

    public List<string> Failures { get; } = [];

    public void OnEvent(TestSlot data, long sequence, bool endOfBatch)
    {
        if (sequence != _expectedSequence)
        {
            Failures.Add($"sequence {sequence}, expected {_expectedSequence}");
        }

        if (data.Value != _nextPerProducer[data.Producer])
        {
            Failures.Add($"producer {data.Producer}: value {data.Value}, expected {_nextPerProducer[data.Producer]}");
        }

        if (!Check(data))
        {
            Failures.Add($"sequence {sequence}: upstream fields not visible");
        }

        Write(data);
        _nextPerProducer[data.Producer] = data.Value + 1;
        _expectedSequence = sequence + 1;
        Count++;
    }
}
