using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradeFlow.Server.Http.Errors;

namespace TradeFlow.Server.Http.Security;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the configured salted hashes. No key → 401, a key
/// without the endpoint's role → 403, both answered as Problem Details (RFC 9457).
/// </summary>
internal sealed class ApiKeyAuthentication : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    private readonly HttpApiOptions _api;

    public ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        HttpApiOptions api)
        : base(options, logger, encoder)
    {
        _api = api;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = values.ToString();
        var key = _api.ApiKeys.FirstOrDefault(k => ApiKeyHasher.Verify(presented, k.Hash));
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API key required",
            $"Send a valid API key in the {Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var endpoint = Context.GetEndpoint()?.DisplayName ?? Request.Path.ToString();
        return Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Role not allowed",
            $"The key '{Context.User.Identity?.Name}' has roles [{string.Join(", ", Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value))}], none of which may call {endpoint}.");
    }
}
