using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>What a trader may book: which books, which asset classes, and the largest single notional.</summary>
public sealed record Mandate
{
    private readonly int _assetClassMask;

    /// <summary>Creates a mandate.</summary>
    /// <exception cref="ReferenceDataException">No books, an unknown asset class or a non-positive maximum.</exception>
    public Mandate(IEnumerable<BookId> allowedBooks, IEnumerable<AssetClass> allowedAssetClasses, Money maxNotional)
    {
        ArgumentNullException.ThrowIfNull(allowedBooks);
        ArgumentNullException.ThrowIfNull(allowedAssetClasses);
        AllowedBooks = [.. allowedBooks.Distinct()];
        AllowedAssetClasses = [.. allowedAssetClasses.Distinct()];
        ReferenceDataException.ThrowIf(AllowedBooks.IsEmpty, "Mandate", nameof(AllowedBooks), "must name at least one book");
        foreach (var assetClass in AllowedAssetClasses)
        {
            ReferenceDataException.ThrowIf(!Enum.IsDefined(assetClass), "Mandate", nameof(AllowedAssetClasses),
                $"contains unknown asset class {assetClass}");
            _assetClassMask |= 1 << (int)assetClass;
        }

        ReferenceDataException.ThrowIf(maxNotional.Currency.IsDefault || maxNotional.Amount <= 0m, "Mandate",
            nameof(MaxNotional), "must be a positive amount with a currency");
        MaxNotional = maxNotional;
    }

    /// <summary>Books the trader may book into.</summary>
    public ImmutableArray<BookId> AllowedBooks { get; }

    /// <summary>Asset classes the trader may trade.</summary>
    public ImmutableArray<AssetClass> AllowedAssetClasses { get; }

    /// <summary>The largest notional of a single trade, compared after conversion to its currency.</summary>
    public Money MaxNotional { get; }

    /// <summary>True when the trader may book into <paramref name="book"/>.</summary>
    public bool AllowsBook(BookId book) => AllowedBooks.Contains(book);

    /// <summary>True when the trader may trade <paramref name="assetClass"/>.</summary>
    public bool AllowsAssetClass(AssetClass assetClass) => (_assetClassMask & (1 << (int)assetClass)) != 0;
}
