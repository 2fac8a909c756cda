using System.Buffers;
using System.Text;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Tests.Session;

public sealed class OutboundQueueTests
{
    [Fact]
    public void Nothing_behind_a_closed_gate_is_taken_and_everything_else_comes_out_once_in_queue_order()
    {
        // A model run against the queue over many random steps (fixed seed), with a backlog large enough to compact.
        var random = new Random(20261122);
        var queue = new OutboundQueue();
        var model = new List<(string Text, OutboundGate? Gate)>();
        var gates = new List<OutboundGate>();
        var written = new StringBuilder();
        var expected = new StringBuilder();
        var output = new ArrayBufferWriter<byte>();
        for (var step = 0; step < 20_000; step++)
        {
            var text = $"<{step}:{new string('x', random.Next(200, 400))}>";
            switch (random.Next(6))
            {
                case 0:
                    queue.Append(Encoding.ASCII.GetBytes(text));
                    model.Add((text, null));
                    break;
                case 1 or 2:
                    var gate = new OutboundGate("c" + step);
                    gates.Add(gate);
                    queue.AppendGated(Encoding.ASCII.GetBytes(text), step, gate);
                    model.Add((text, gate));
                    break;
                case 3 when gates.Count > 0:
                    var opened = gates[random.Next(gates.Count)];
                    gates.Remove(opened);
                    opened.State = OutboundGate.GateState.Open;
                    break;
                case 4 when gates.Count > 0 && random.Next(10) == 0:
                    var voided = gates[random.Next(gates.Count)];
                    gates.Remove(voided);
                    voided.State = OutboundGate.GateState.Void;
                    queue.ReplaceVoided((seq, o) => o.Write(Encoding.ASCII.GetBytes($"<gap {seq}>")));
                    for (var i = 0; i < model.Count; i++)
                    {
                        if (ReferenceEquals(model[i].Gate, voided))
                        {
                            model[i] = ($"<gap {model[i].Text[1..model[i].Text.IndexOf(':', StringComparison.Ordinal)]}>", null);
                        }
                    }

                    break;
                default:
                    output.ResetWrittenCount();
                    queue.MarkDurable(queue.End, queue.Generation);
                    Assert.True(queue.TakeSendable(ref output, _ => { }));
                    written.Append(Encoding.ASCII.GetString(output.WrittenSpan));
                    var firstClosed = model.FindIndex(m => m.Gate is { IsOpen: false });
                    var sendable = firstClosed < 0 ? model.Count : firstClosed;
                    expected.Append(string.Concat(model.Take(sendable).Select(m => m.Text)));
                    model.RemoveRange(0, sendable);
                    Assert.Equal(expected.Length, written.Length);
                    break;
            }
        }

        Assert.Equal(expected.ToString(), written.ToString());
        Assert.Equal(model.Sum(m => m.Text.Length), queue.Length);
    }

    [Fact]
    public void Bytes_not_yet_durable_stay_queued_until_a_flush_marks_them_and_open_gates_behind_them_wait_too()
    {
        var queue = new OutboundQueue();
        var gate = new OutboundGate("c");
        queue.Append("A"u8);
        queue.MarkDurable(queue.End, queue.Generation);
        queue.AppendGated("G"u8, 2, gate);
        var flushedUpTo = (queue.End, queue.Generation);
        queue.Append("B"u8);
        gate.State = OutboundGate.GateState.Open;
        var output = new ArrayBufferWriter<byte>();
        var released = new List<string>();

        Assert.False(queue.TakeSendable(ref output, m => released.Add(Encoding.ASCII.GetString(m))));
        Assert.Equal(("A", 0), (Encoding.ASCII.GetString(output.WrittenSpan), released.Count));

        queue.MarkDurable(flushedUpTo.End, flushedUpTo.Generation);
        output.ResetWrittenCount();
        Assert.False(queue.TakeSendable(ref output, m => released.Add(Encoding.ASCII.GetString(m))));
        Assert.Equal(("G", "G"), (Encoding.ASCII.GetString(output.WrittenSpan), Assert.Single(released)));

        queue.MarkDurable(queue.End, queue.Generation);
        output.ResetWrittenCount();
        Assert.True(queue.TakeSendable(ref output, _ => { }));
        Assert.Equal("B", Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Fact]
    public void A_durable_mark_read_before_voided_messages_became_gap_fills_releases_nothing_after_them()
    {
        var queue = new OutboundQueue();
        var voided = new OutboundGate("v");
        queue.AppendGated("VOIDED-MESSAGE"u8, 1, voided);
        queue.Append("B"u8);
        var before = (queue.End, queue.Generation);
        voided.State = OutboundGate.GateState.Void;
        queue.ReplaceVoided((seq, o) => o.Write(Encoding.ASCII.GetBytes($"<gap {seq}>")));
        var output = new ArrayBufferWriter<byte>();

        queue.MarkDurable(before.End, before.Generation);
        Assert.False(queue.TakeSendable(ref output, _ => { }));
        Assert.Equal(0, output.WrittenCount);

        queue.MarkDurable(queue.End, queue.Generation);
        Assert.True(queue.TakeSendable(ref output, _ => { }));
        Assert.Equal("<gap 1>B", Encoding.ASCII.GetString(output.WrittenSpan));
    }
}
