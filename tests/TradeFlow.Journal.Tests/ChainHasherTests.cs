using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Tests;

public sealed class ChainHasherTests
{
    [Fact]
    public void The_writers_chain_hash_is_sha256_of_previous_then_body_for_any_bytes()
    {
        using var hasher = new ChainHasher();
        var ours = new byte[32];
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<byte[]>(), (previous, body) =>
        {
            hasher.Chain(previous, body, ours);
            return ours.AsSpan().SequenceEqual(SHA256.HashData([.. previous, .. body]));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_writers_chain_hash_is_sha256_of_previous_then_body_across_block_boundaries()
    {
        using var hasher = new ChainHasher();
        var previous = RandomNumberGenerator.GetBytes(32);
        var body = new byte[5000];
        new Random(11).NextBytes(body);
        var ours = new byte[32];
        for (var length = 0; length <= body.Length; length += 7)
        {
            hasher.Chain(previous, body.AsSpan(0, length), ours);
            Assert.Equal(SHA256.HashData([.. previous, .. body.AsSpan(0, length)]), ours);
        }
    }

    [Fact]
    public void A_disposed_hasher_still_chains_correctly_through_the_portable_path()
    {
        var hasher = new ChainHasher();
        var ours = new byte[32];
        hasher.Chain([1, 2, 3], [4, 5], ours);
        hasher.Dispose();
        hasher.Chain(new byte[32], new byte[300], ours);
        Assert.Equal(SHA256.HashData(new byte[332]), ours);
    }

    [Fact]
    public void Chaining_a_record_allocates_nothing_once_warm()
    {
        using var hasher = new ChainHasher();
        var previous = new byte[32];
        var body = new byte[350];
        var hash = new byte[32];
        hasher.Chain(previous, body, hash);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            hasher.Chain(previous, body, hash);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
