using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

public sealed class FileMessageStoreTests : DurableMessageStoreContract, IDisposable
{
    private static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-store-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    protected override IMessageStore CreateStore(DateTime creationTime) => new FileMessageStore(_directory, Id, creationTime);

    private string PathOf(string extension) => Path.Combine(_directory, "FIX.4.4-TRADEFLOW-CLIENT" + extension);

    [Fact]
    public void Files_are_named_like_quickfixs()
    {
        using var store = CreateStore(Created);

        foreach (var extension in new[] { ".body", ".header", ".seqnums", ".session" })
        {
            Assert.True(File.Exists(PathOf(extension)), extension);
        }
    }

    [Fact]
    public void A_flush_writes_the_numbers_to_the_seqnums_file_as_quickfix_does()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("one"));
            store.Set(2, Msg("two"));
            store.NextSenderMsgSeqNum = 3;
            store.NextTargetMsgSeqNum = 7;
            store.Flush();
        }

        Assert.Equal("0000000003 : 0000000007", File.ReadAllText(PathOf(".seqnums")));
    }

    [Fact]
    public void A_durable_message_moves_the_sender_number_past_it_even_if_the_seqnums_file_lags()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("one"));
            store.Flush();
            File.WriteAllText(PathOf(".seqnums"), "0000000001 : 0000000001");
        }

        using var reopened = CreateStore(Created);

        Assert.Equal(2, reopened.NextSenderMsgSeqNum);
    }

    [Fact]
    public void A_truncated_body_is_reported_with_file_and_offset()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("first message"));
            store.Set(2, Msg("second message"));
            store.Flush();
        }

        using (var body = new FileStream(PathOf(".body"), FileMode.Open))
        {
            body.SetLength(20);
        }

        var error = Assert.Throws<MessageStoreCorruptException>(() => CreateStore(Created));

        Assert.Equal(PathOf(".body"), error.FilePath);
        Assert.Equal(20, error.Offset);
        Assert.Contains("message 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_garbled_header_line_is_reported_with_file_and_offset()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("first"));
            store.Flush();
        }

        File.AppendAllText(PathOf(".header"), "x,y,z\n");

        var error = Assert.Throws<MessageStoreCorruptException>(() => CreateStore(Created));

        Assert.Equal(PathOf(".header"), error.FilePath);
        Assert.Equal(new FileInfo(PathOf(".header")).Length - 6, error.Offset);
    }

    [Fact]
    public void A_torn_tail_left_by_a_crash_is_cut_off_because_it_was_never_sent()
    {
        using (var store = CreateStore(Created))
        {
            store.Set(1, Msg("first"));
            store.Flush();
        }

        // A crash between the body write and its fsync / header line: bytes no complete header line indexes.
        File.AppendAllText(PathOf(".body"), "secon");
        File.AppendAllText(PathOf(".header"), "2,5,");

        using var reopened = CreateStore(Created);

        Assert.Equal([(1, "first")], All(reopened));
        Assert.Equal(2, reopened.NextSenderMsgSeqNum);
        Assert.Equal(5, new FileInfo(PathOf(".body")).Length);
    }
}
