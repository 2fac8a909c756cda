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
                    queue.TakeSendable(ref output, _ => { });
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
    public void Bytes_put_back_after_a_failed_flush_go_out_first_and_gates_behind_them_still_hold()
    {
        var queue = new OutboundQueue();
        var gate = new OutboundGate("c");
        queue.Append("A"u8);
        queue.AppendGated("G"u8, 2, gate);
        queue.Append("B"u8);
        var output = new ArrayBufferWriter<byte>();
        queue.TakeSendable(ref output, _ => { });
        Assert.Equal("A", Encoding.ASCII.GetString(output.WrittenSpan));

        queue.PutBack(output.WrittenSpan);
        output.ResetWrittenCount();
        queue.TakeSendable(ref output, _ => { });
        Assert.Equal("A", Encoding.ASCII.GetString(output.WrittenSpan));

        gate.State = OutboundGate.GateState.Open;
        var released = new List<string>();
        output.ResetWrittenCount();
        queue.TakeSendable(ref output, m => released.Add(Encoding.ASCII.GetString(m)));
        Assert.Equal(("GB", "G"), (Encoding.ASCII.GetString(output.WrittenSpan), Assert.Single(released)));
    }
}
