using System.Collections.Immutable;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Reads the legs of an AllocationInstruction: one per NoAllocs (78) entry, with the book in AllocAccount (79),
/// the quantity in AllocQty (80) and the leg's counterparty as a NoNestedPartyIDs (539) party of role 17
/// (contra firm) with source N (LEI). Whether the legs sum to the block is the domain's rule, not checked here.
/// </summary>
internal static class AllocationLegs
{
    /// <summary>The legs, in order; false with the refusal naming the first bad tag.</summary>
    public static bool TryRead(FixMessage message, out ImmutableArray<AllocationLeg> legs, out CaptureRejection rejection)
    {
        legs = default;
        rejection = default;
        if (!message.TryGetGroup(Fix44Groups.NoAllocs, out var allocs) || allocs.Count == 0)
        {
            rejection = new CaptureRejection(Tags.NoAllocs, CaptureRejectReason.Other, "NoAllocs (78) must list the allocations");
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<AllocationLeg>(allocs.Count);
        for (var i = 0; i < allocs.Count; i++)
        {
            if (!TryReadLeg(allocs[i], i + 1, out var leg, out rejection))
            {
                return false;
            }

            builder.Add(leg);
        }

        legs = builder.MoveToImmutable();
        return true;
    }

    private static bool TryReadLeg(FixGroupEntry alloc, int number, out AllocationLeg leg, out CaptureRejection rejection)
    {
        leg = null!;
        var account = alloc.GetString(Tags.AllocAccount);
        if (account is null || !BookId.TryParse(account, out var book))
        {
            rejection = new CaptureRejection(Tags.AllocAccount, CaptureRejectReason.InvalidParty,
                $"Allocation {number}: AllocAccount (79) '{account}' is not a book code");
            return false;
        }

        if (!alloc.TryGetDecimal(Tags.AllocQty, out var qty) || qty <= 0 || !Quantity.TryCreate(qty, out var quantity))
        {
            rejection = new CaptureRejection(Tags.AllocQty, CaptureRejectReason.Other,
                $"Allocation {number}: AllocQty (80) must be a positive number");
            return false;
        }

        var lei = ContraFirm(alloc);
        if (lei is null || !CounterpartyId.TryParse(lei, out var counterparty))
        {
            rejection = new CaptureRejection(Tags.NestedPartyID, CaptureRejectReason.InvalidParty, lei is null
                ? $"Allocation {number}: name the counterparty as a NestedPartyRole 17 party with NestedPartyIDSource N (LEI)"
                : $"Allocation {number}: NestedPartyID (524) '{lei}' is not a valid LEI");
            return false;
        }

        rejection = default;
        leg = new AllocationLeg(book, counterparty, quantity);
        return true;
    }

    private static string? ContraFirm(FixGroupEntry alloc)
    {
        if (!alloc.TryGetGroup(Fix44Groups.NoNestedPartyIDs, out var parties))
        {
            return null;
        }

        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            if (party.TryGetInt(Tags.NestedPartyRole, out var role) && role == PartyRoles.ContraFirm
                && party.TryGetChar(Tags.NestedPartyIDSource, out var source) && source == PartyRoles.LegalEntityIdentifier)
            {
                return party.GetString(Tags.NestedPartyID);
            }
        }

        return null;
    }
}
