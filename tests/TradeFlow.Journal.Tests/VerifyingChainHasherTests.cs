using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Tests;

public sealed class VerifyingChainHasherTests
{
    [Fact]
    public void The_read_path_chain_hash_equals_the_writers_for_any_previous_hash_and_body()
    {
        using var verifying = new VerifyingChainHasher();
        using var writing = new ChainHasher();
        var ours = new byte[32];
        var theirs = new byte[32];
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<byte[]>(), (previous, body) =>
        {
            verifying.Chain(previous, body, ours);
            writing.Chain(previous, body, theirs);
            return ours.AsSpan().SequenceEqual(theirs);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_read_path_chain_hash_is_sha256_of_previous_then_body_across_block_boundaries()
    {
        using var verifying = new VerifyingChainHasher();
        var previous = RandomNumberGenerator.GetBytes(32);
        var body = new byte[5000];
        new Random(9).NextBytes(body);
        var ours = new byte[32];
        for (var length = 0; length <= body.Length; length += 13)
        {
            verifying.Chain(previous, body.AsSpan(0, length), ours);
            Assert.Equal(SHA256.HashData([.. previous, .. body.AsSpan(0, length)]), ours);
        }
    }

    [Fact]
    public void On_linux_the_OpenSSL_binding_loads_and_passes_its_self_test()
    {
        Assert.True(!OperatingSystem.IsLinux() || OpenSslSha256.Instance is not null);
    }
}
