using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Engine.Journaling;

namespace TradeFlow.Engine.Tests;

// The engine's managed SHA-1 names every journaled event: a different digest would give a resent command
// new ids, so it is checked against the platform's SHA-1, with lengths around every padding boundary.
public sealed class Sha1Tests
{
    [Fact]
    public void The_managed_sha1_equals_the_platform_sha1_for_any_input()
    {
        var inputs =
            from length in Gen.OneOf(Gen.Choose(0, 300), Gen.Elements(55, 56, 63, 64, 65, 119, 120, 127, 128))
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
            select bytes;

        Prop.ForAll(inputs.ToArbitrary(), bytes => Managed(bytes).SequenceEqual(Platform(bytes)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_managed_sha1_matches_the_FIPS_180_example()
    {
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", Convert.ToHexStringLower(Managed(Encoding.ASCII.GetBytes("abc"))));
    }

    [Fact]
    public void Event_ids_are_the_version_5_uuids_of_the_platform_sha1()
    {
        foreach (var (key, index) in new[] { ("FIX:CLIENT1:571=1", 0), ("bench:FIX:CLIENT1:571=49999", 3), (new string('k', 600), 1), ("Überweisung-€", 12) })
        {
            Assert.Equal(Reference(EventIds.Namespace, Encoding.UTF8.GetBytes($"{key}#{index}")), EventIds.For(key, index));
        }
    }

    [Fact]
    public void An_event_id_is_computed_without_allocating()
    {
        EventIds.For("FIX:CLIENT1:571=1", 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            EventIds.For("FIX:CLIENT1:571=1", i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Managed(byte[] bytes)
    {
        var hash = new byte[Sha1.HashSizeInBytes];
        Sha1.HashData(bytes, hash);
        return hash;
    }

#pragma warning disable CA5350 // RFC 9562 version-5 ids are SHA-1 by definition; this is the reference, not protection.
    private static byte[] Platform(byte[] bytes) => SHA1.HashData(bytes);

    private static Guid Reference(Guid namespaceId, byte[] name)
    {
        var input = new byte[16 + name.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = Platform(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
#pragma warning restore CA5350
}
