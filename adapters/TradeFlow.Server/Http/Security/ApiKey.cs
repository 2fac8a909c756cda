namespace TradeFlow.Server.Http.Security;

/// <summary>One configured API key: who it is (the actor on every command it sends), its roles and its salted hash.</summary>
/// <param name="Name">The key's owner, e.g. <c>jsmith</c> or <c>risk-desk</c>; recorded as the actor.</param>
/// <param name="Roles">Its roles (<see cref="ApiRole"/>).</param>
/// <param name="Hash">The salted hash from <see cref="ApiKeyHasher"/>; the key itself is never configured.</param>
public sealed record ApiKey(string Name, IReadOnlyList<string> Roles, string Hash);
