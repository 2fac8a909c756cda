using TradeFlow.Domain.ReferenceData;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// Which asset classes must be confirmed before settlement is instructed. The default follows
/// market practice: bilateral OTC trades (FX spot and forwards, government bonds) are confirmed
/// with the counterparty (SWIFT MT300, trade matching) before instructions go out; exchange-traded
/// cash equities are locked in by the exchange/CCP, so confirmation is not a precondition.
/// </summary>
public sealed class ConfirmationPolicy
{
    private readonly int _mask;

    /// <summary>Creates a policy requiring confirmation for the given asset classes.</summary>
    public ConfirmationPolicy(IEnumerable<AssetClass> requiredFor)
    {
        ArgumentNullException.ThrowIfNull(requiredFor);
        foreach (var assetClass in requiredFor)
        {
            _mask |= 1 << (int)assetClass;
        }
    }

    /// <summary>FX spot, FX forward and government bonds require confirmation; cash equities do not.</summary>
    public static ConfirmationPolicy Default { get; } =
        new([AssetClass.FxSpot, AssetClass.FxForward, AssetClass.GovernmentBond]);

    /// <summary>True when trades of <paramref name="assetClass"/> must be confirmed before settlement instruction.</summary>
    public bool IsRequiredFor(AssetClass assetClass) => (_mask & (1 << (int)assetClass)) != 0;
}
