namespace TradeFlow.Fix.Tests.Store;

/// <summary>
/// What every store that keeps its messages and numbers on disk must do across a close and a reopen, run against
/// each file layout (QuickFIX's files and the one-file log) on top of <see cref="MessageStoreContract"/>.
/// </summary>
public abstract class DurableMessageStoreContract : MessageStoreContract
{
    [Fact]
    public void A_reopened_store_resumes_its_sequence_numbers_messages_and_creation_time()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("one"));
            store.Set(2, Msg("two"));
            store.NextSenderMsgSeqNum = 3;
            store.NextTargetMsgSeqNum = 7;
            store.Flush();
        }

        using var reopened = CreateStore(Created.AddDays(5));

        Assert.Equal((3, 7), (reopened.NextSenderMsgSeqNum, reopened.NextTargetMsgSeqNum));
        Assert.Equal([(1, "one"), (2, "two")], All(reopened));
        Assert.Equal(Created, reopened.CreationTime);
    }

    [Fact]
    public void A_reopened_store_expects_the_floor_its_last_flush_persisted()
    {
        using (var store = CreateStore(Created))
        {
            store.NextTargetMsgSeqNum = 9;
            store.Flush(targetFloor: 5);
        }

        using var reopened = CreateStore(Created);

        Assert.Equal((5, 5), (reopened.NextTargetMsgSeqNum, reopened.DurableNextTargetMsgSeqNum));
    }

    [Fact]
    public void A_raised_floor_is_written_even_when_no_number_moved_since_the_last_flush()
    {
        using (var store = CreateStore(Created))
        {
            store.NextTargetMsgSeqNum = 9;
            store.Flush(targetFloor: 5);
            store.Flush(targetFloor: 8);
        }

        using var reopened = CreateStore(Created);

        Assert.Equal(8, reopened.NextTargetMsgSeqNum);
    }
}
