using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using TradeFlow.Server.Http;
using TradeFlow.Server.Http.Security;

namespace TradeFlow.Server.Tests.Http;

public sealed class ApiKeyTests
{
    [Fact]
    public void A_key_verifies_against_its_own_hash_and_no_other_key_does()
    {
        var key = ApiKeyHasher.NewKey();
        var hash = ApiKeyHasher.Hash(key);

        Assert.True(ApiKeyHasher.Verify(key, hash));
        Assert.False(ApiKeyHasher.Verify(key + "x", hash));
        Assert.False(ApiKeyHasher.Verify(ApiKeyHasher.NewKey(), hash));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_salt_bytes_then_the_utf8_key_as_the_docs_say()
    {
        var salt = Convert.FromHexString("00112233445566778899aabbccddeeff");
        var expected = Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes("s3cret")]));

        Assert.Equal($"sha256:00112233445566778899aabbccddeeff:{expected}", ApiKeyHasher.Hash("s3cret", salt));
    }

    [Fact]
    public void Two_hashes_of_one_key_differ_by_their_salt()
    {
        Assert.NotEqual(ApiKeyHasher.Hash("same-key"), ApiKeyHasher.Hash("same-key"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256:abcd")]
    [InlineData("md5:00:00")]
    [InlineData("sha256:zz:0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_malformed_hash_verifies_nothing(string hash)
    {
        Assert.False(ApiKeyHasher.Verify("key", hash));
    }

    [Fact]
    public void Keys_are_read_from_the_TradeFlow_Http_section_with_roles_as_a_list_or_comma_separated()
    {
        var hash = ApiKeyHasher.Hash("k");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TradeFlow:Http:ApiKeys:0:Name"] = "risk-desk",
            ["TradeFlow:Http:ApiKeys:0:Roles:0"] = "risk",
            ["TradeFlow:Http:ApiKeys:0:Hash"] = hash,
            ["TradeFlow:Http:ApiKeys:1:Name"] = "ops",
            ["TradeFlow:Http:ApiKeys:1:Roles"] = "backoffice, auditor",
            ["TradeFlow:Http:ApiKeys:1:Hash"] = hash,
            ["TradeFlow:Http:ProjectionWaitSeconds"] = "2.5",
        }).Build();

        var options = HttpApiOptions.FromConfiguration(configuration);
        options.Validate();

        Assert.Equal(["risk"], options.ApiKeys[0].Roles);
        Assert.Equal(["backoffice", "auditor"], options.ApiKeys[1].Roles);
        Assert.Equal("ops", options.ApiKeys[1].Name);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.ProjectionWait);
    }

    [Fact]
    public void A_key_with_an_unknown_role_stops_start_up_naming_the_entry_and_field()
    {
        var options = new HttpApiOptions { ApiKeys = [new ApiKey("bob", ["superuser"], ApiKeyHasher.Hash("k"))] };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("TradeFlow:Http:ApiKeys:0:Roles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_configured_in_plain_text_instead_of_a_hash_stops_start_up()
    {
        var options = new HttpApiOptions { ApiKeys = [new ApiKey("bob", ["risk"], "my-plain-key")] };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("TradeFlow:Http:ApiKeys:0:Hash", error.Message, StringComparison.Ordinal);
    }
}
