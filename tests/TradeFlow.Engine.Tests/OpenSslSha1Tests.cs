using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Engine.Journaling;

namespace TradeFlow.Engine.Tests;

#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version-5 UUIDs are made of; it protects nothing here.

// Event ids are hashed by OpenSSL's SHA-1 where it loads: a different digest would give a resent command new ids,
// so the binding is checked against the platform's SHA-1, and the ids against UUID v5 built from it.
public sealed class OpenSslSha1Tests
{
    [Fact]
    public void On_linux_the_OpenSSL_sha1_binding_loads_and_passes_its_self_test()
    {
        Assert.True(!OperatingSystem.IsLinux() || OpenSslSha1.Instance is not null);
    }

    [Fact]
    public void The_OpenSSL_sha1_equals_the_platform_sha1_for_any_input()
    {
        var binding = OpenSslSha1.Instance;
        if (binding is null)
        {
            return;
        }

        var inputs =
            from length in Gen.OneOf(Gen.Choose(0, 300), Gen.Elements(55, 56, 63, 64, 65, 119, 120, 127, 128))
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
            select bytes;
        var hash = new byte[Sha1.HashSizeInBytes];
        Prop.ForAll(inputs.ToArbitrary(), bytes =>
        {
            binding.HashData(bytes, hash);
            return hash.AsSpan().SequenceEqual(SHA1.HashData(bytes));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Event_ids_are_the_version_5_uuids_of_any_source_key_and_index()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), Gen.Choose(0, 1000).ToArbitrary(), (key, index) =>
            EventIds.For(key.Get, index) == Reference(key.Get, index)).QuickCheckThrowOnFailure();
    }

    private static Guid Reference(string key, int index)
    {
        var name = Encoding.UTF8.GetBytes($"{key}#{index}");
        var input = new byte[16 + name.Length];
        EventIds.Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
