using TradeFlow.Domain.ReferenceData;

namespace TradeFlow.Engine;

/// <summary>
/// The fat-finger check's tolerance per asset class: a price more than <c>band × mark</c> away from the
/// reference mark is refused. Immutable; <see cref="With"/> returns a changed copy.
/// </summary>
public sealed class PriceBands
{
    // Indexed by the AssetClass value (1..4); a negative entry means "not checked".
    private readonly decimal[] _bands;

    private PriceBands(decimal[] bands) => _bands = bands;

    /// <summary>
    /// Defaults: cash equities 10 %, FX spot 2 %, FX forwards 5 % (forward points move a forward away
    /// from a spot mark), government bonds 5 %.
    /// </summary>
    public static PriceBands Default { get; } = new([-1m, 0.10m, 0.02m, 0.05m, 0.05m]);

    /// <summary>No fat-finger check for any asset class.</summary>
    public static PriceBands None { get; } = new([-1m, -1m, -1m, -1m, -1m]);

    /// <summary>A copy with the band of <paramref name="assetClass"/> set to <paramref name="fraction"/> (0.05 = 5 %).</summary>
    public PriceBands With(AssetClass assetClass, decimal fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        var index = IndexOf(assetClass);
        var copy = (decimal[])_bands.Clone();
        copy[index] = fraction;
        return new PriceBands(copy);
    }

    /// <summary>The band of an asset class, or false when its prices are not checked.</summary>
    public bool TryGetBand(AssetClass assetClass, out decimal fraction)
    {
        var index = (int)assetClass;
        fraction = (uint)index < (uint)_bands.Length ? _bands[index] : -1m;
        return fraction >= 0m;
    }

    private static int IndexOf(AssetClass assetClass)
    {
        if (!Enum.IsDefined(assetClass))
        {
            throw new ArgumentOutOfRangeException(nameof(assetClass), assetClass, "Not a known asset class.");
        }

        return (int)assetClass;
    }
}
