using System.Text;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

/// <summary>What every <see cref="IMessageStore"/> must do; run against each implementation.</summary>
public abstract class MessageStoreContract
{
    protected static readonly DateTime Created = new(2026, 3, 17, 7, 0, 0, DateTimeKind.Utc);

    protected abstract IMessageStore CreateStore(DateTime creationTime);

    protected static byte[] Msg(string text) => Encoding.ASCII.GetBytes(text);

    protected static List<(int Seq, string Text)> All(IMessageStore store, int begin = 1, int end = int.MaxValue - 1)
    {
        var found = new List<(int, string)>();
        store.Get(begin, end, (seq, bytes) => found.Add((seq, Encoding.ASCII.GetString(bytes))));
        return found;
    }

    [Fact]
    public void A_new_store_starts_both_sequence_numbers_at_one()
    {
        using var store = CreateStore(Created);

        Assert.Equal((1, 1), (store.NextSenderMsgSeqNum, store.NextTargetMsgSeqNum));
        Assert.Equal(Created, store.CreationTime);
        Assert.Empty(All(store));
    }

    [Fact]
    public void Stored_messages_come_back_in_order_within_the_asked_range()
    {
        using var store = CreateStore(Created);
        store.Set(1, Msg("one"));
        store.Set(2, Msg("two"));
        store.Set(4, Msg("four"));
        store.Flush();

        Assert.Equal([(2, "two"), (4, "four")], All(store, 2, 10));
        Assert.Equal([(1, "one")], All(store, 1, 1));
    }

    [Fact]
    public void Sequence_numbers_are_set_and_incremented()
    {
        using var store = CreateStore(Created);

        store.IncrNextSenderMsgSeqNum();
        store.IncrNextTargetMsgSeqNum();
        store.IncrNextTargetMsgSeqNum();
        Assert.Equal((2, 3), (store.NextSenderMsgSeqNum, store.NextTargetMsgSeqNum));

        store.NextTargetMsgSeqNum = 40;
        Assert.Equal(40, store.NextTargetMsgSeqNum);
    }

    [Fact]
    public void Reset_forgets_everything_and_restamps_the_creation_time()
    {
        using var store = CreateStore(Created);
        store.Set(1, Msg("one"));
        store.IncrNextSenderMsgSeqNum();
        store.NextTargetMsgSeqNum = 9;

        store.Reset(Created.AddDays(1));

        Assert.Equal((1, 1), (store.NextSenderMsgSeqNum, store.NextTargetMsgSeqNum));
        Assert.Empty(All(store));
        Assert.Equal(Created.AddDays(1), store.CreationTime);
    }

    [Fact]
    public void A_flush_with_a_floor_makes_the_lower_target_durable_and_keeps_the_expected_number_in_memory()
    {
        using var store = CreateStore(Created);
        store.NextTargetMsgSeqNum = 9;

        store.Flush(targetFloor: 5);
        Assert.Equal((9, 5), (store.NextTargetMsgSeqNum, store.DurableNextTargetMsgSeqNum));

        store.Flush(targetFloor: 20);
        Assert.Equal((9, 9), (store.NextTargetMsgSeqNum, store.DurableNextTargetMsgSeqNum));

        store.Flush(targetFloor: 7);
        store.Flush();
        Assert.Equal(9, store.DurableNextTargetMsgSeqNum);
    }
}
