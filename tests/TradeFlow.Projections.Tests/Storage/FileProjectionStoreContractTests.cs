using TradeFlow.Projections.Storage;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Storage;

/// <summary>The projection store contract on files, in a directory of each test's own.</summary>
public sealed class FileProjectionStoreContractTests : ProjectionStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override Task<IProjectionStore> CreateStoreAsync() => Task.FromResult<IProjectionStore>(new FileProjectionStore(_directory.Path));
}
