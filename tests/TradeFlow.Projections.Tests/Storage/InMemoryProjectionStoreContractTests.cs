using TradeFlow.Projections.Storage;

namespace TradeFlow.Projections.Tests.Storage;

/// <summary>The projection store contract in memory.</summary>
public sealed class InMemoryProjectionStoreContractTests : ProjectionStoreContract
{
    protected override Task<IProjectionStore> CreateStoreAsync() => Task.FromResult<IProjectionStore>(new InMemoryProjectionStore());
}
