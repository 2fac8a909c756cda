using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

public sealed class MemoryMessageStoreTests : MessageStoreContract
{
    protected override IMessageStore CreateStore(DateTime creationTime) => new MemoryMessageStore(creationTime);
}
