using TradeFlow.Fix.Store;
using TradeFlow.Fix.Tests.Session;

namespace TradeFlow.Fix.Tests.Store;

public sealed class StoreSelectionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-store-choice-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_new_file_store_is_the_one_file_layout()
    {
        await using var harness = AcceptorHarness.Start($"FileStorePath={_directory}");

        Assert.True(File.Exists(LogMessageStore.PathFor(_directory, AcceptorHarness.Id)));
        Assert.False(File.Exists(Path.Combine(_directory, "FIX.4.4-TRADEFLOW-CLIENT.seqnums")));
    }

    [Fact]
    public async Task A_store_left_in_quickfixs_layout_is_resumed_not_restarted()
    {
        using (var old = new FileMessageStore(_directory, AcceptorHarness.Id, DateTime.UtcNow))
        {
            old.NextSenderMsgSeqNum = 5;
            old.NextTargetMsgSeqNum = 9;
            old.Flush();
        }

        await using var harness = AcceptorHarness.Start($"FileStorePath={_directory}");

        Assert.Equal((5, 9), (harness.Session.NextSenderMsgSeqNum, harness.Session.NextTargetMsgSeqNum));
        Assert.False(File.Exists(LogMessageStore.PathFor(_directory, AcceptorHarness.Id)));
    }
}
