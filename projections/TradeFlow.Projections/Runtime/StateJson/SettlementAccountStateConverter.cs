using System.Text.Json;
using TradeFlow.Domain.Events;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes a <see cref="SettlementAccount"/> (settlement's instructed accounts) as the serializer does.</summary>
internal sealed class SettlementAccountStateConverter : StateRowConverter<SettlementAccount>
{
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText AgentBic = JsonEncodedText.Encode("agentBic");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SettlementAccount value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Value(writer, Currency, value.Currency, options);
        Text(writer, Account, value.Account);
        Text(writer, AgentBic, value.AgentBic);
        writer.WriteEndObject();
    }
}
