using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>The counterparty and trader a Parties block (NoPartyIDs 453) names, as text still to be validated.</summary>
/// <param name="CounterpartyLei">The contra firm's PartyID, when its source is an LEI.</param>
/// <param name="Trader">The executing (or else originating) trader's PartyID.</param>
internal readonly record struct CaptureParties(string? CounterpartyLei, string? Trader)
{
    /// <summary>Reads the parties of a NoPartyIDs group; roles TradeFlow does not use are ignored.</summary>
    public static CaptureParties From(FixGroup parties)
    {
        string? counterparty = null, executingTrader = null, originatingTrader = null;
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            if (!party.TryGetInt(Tags.PartyRole, out var role))
            {
                continue;
            }

            switch (role)
            {
                case PartyRoles.ContraFirm when IsLei(party):
                    counterparty = RepeatedFieldText.Get(party, Tags.PartyID);
                    break;
                case PartyRoles.ExecutingTrader:
                    executingTrader = RepeatedFieldText.Get(party, Tags.PartyID);
                    break;
                case PartyRoles.OrderOriginationTrader:
                    originatingTrader = RepeatedFieldText.Get(party, Tags.PartyID);
                    break;
            }
        }

        return new CaptureParties(counterparty, executingTrader ?? originatingTrader);
    }

    private static bool IsLei(FixGroupEntry party) =>
        party.TryGetChar(Tags.PartyIDSource, out var source) && source == PartyRoles.LegalEntityIdentifier;
}
