using System.Collections.Frozen;

namespace TradeFlow.Fix.Codec;

/// <summary>
/// The FIX 4.4 repeating groups TradeFlow reads, with the members its messages use. A dictionary
/// (<c>DataDictionary.GetGroup</c>) gives the full spec per message type; these are for code that
/// reads the groups without one.
/// </summary>
public static class Fix44Groups
{
    /// <summary>NoPartySubIDs (802): PartySubID 523, PartySubIDType 803.</summary>
    public static GroupSpec NoPartySubIDs { get; } = Spec(Tags.NoPartySubIDs, Tags.PartySubID, [Tags.PartySubID, Tags.PartySubIDType]);

    /// <summary>NoPartyIDs (453): PartyID 448, PartyIDSource 447, PartyRole 452, with NoPartySubIDs.</summary>
    public static GroupSpec NoPartyIDs { get; } = Spec(Tags.NoPartyIDs, Tags.PartyID,
        [Tags.PartyID, Tags.PartyIDSource, Tags.PartyRole, Tags.NoPartySubIDs], NoPartySubIDs);

    /// <summary>NoNestedPartyIDs (539): NestedPartyID 524, NestedPartyIDSource 525, NestedPartyRole 538.</summary>
    public static GroupSpec NoNestedPartyIDs { get; } = Spec(Tags.NoNestedPartyIDs, Tags.NestedPartyID,
        [Tags.NestedPartyID, Tags.NestedPartyIDSource, Tags.NestedPartyRole]);

    /// <summary>
    /// NoSides (552) of a TradeCaptureReport (TrdCapRptSideGrp): Side 54 first, then OrderID 37, ClOrdID 11,
    /// Account 1, NoPartyIDs 453, Currency 15, Text 58 and the rest of QuickFIX's FIX44.xml member list.
    /// </summary>
    public static GroupSpec NoSides { get; } = Spec(Tags.NoSides, Tags.Side,
        [54, 37, 198, 11, 526, 66, 453, 1, 660, 581, 81, 575, 576, 578, 579, 821, 15, 376, 377, 528, 529, 582, 40,
         18, 483, 336, 625, 943, 12, 13, 479, 497, 381, 157, 230, 158, 159, 738, 920, 921, 922, 238, 237, 118, 119,
         120, 155, 156, 77, 58, 354, 355, 752, 518, 232, 136, 825, 826, 591, 70, 78],
        NoPartyIDs);

    /// <summary>
    /// NoAllocs (78) of an AllocationInstruction (AllocGrp): AllocAccount 79, AllocQty 80, NoNestedPartyIDs 539
    /// and the rest of QuickFIX's FIX44.xml member list.
    /// </summary>
    public static GroupSpec NoAllocs { get; } = Spec(Tags.NoAllocs, Tags.AllocAccount,
        [79, 661, 573, 366, 80, 467, 81, 539, 208, 209, 161, 360, 361, 12, 13, 479, 497, 153, 154, 119, 737, 120,
         736, 155, 156, 742, 741, 136, 576, 780, 172, 169, 170, 171, 85],
        NoNestedPartyIDs);

    private static GroupSpec Spec(int countTag, int delimiter, int[] members, params GroupSpec[] nested) =>
        new(countTag, delimiter, members.ToFrozenSet(), nested);
}
