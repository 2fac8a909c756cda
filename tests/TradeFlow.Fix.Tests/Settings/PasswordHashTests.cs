using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Tests.Settings;

public sealed class PasswordHashTests
{
    [Fact]
    public void A_hash_verifies_its_password_and_nothing_else()
    {
        var hash = PasswordHash.Create("correct horse", iterations: 1000);

        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("correct horse", hash));
        Assert.False(PasswordHash.Verify("correct horsE", hash));
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_their_salt()
    {
        Assert.NotEqual(PasswordHash.Create("p", 1000), PasswordHash.Create("p", 1000));
    }

    [Fact]
    public void A_malformed_hash_verifies_nothing()
    {
        Assert.False(PasswordHash.Verify("p", "pbkdf2-sha256$x$abc$def"));
        Assert.False(PasswordHash.IsWellFormed("md5$1$a$b"));
    }
}
