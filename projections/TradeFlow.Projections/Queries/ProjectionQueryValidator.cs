namespace TradeFlow.Projections.Queries;

/// <summary>The rules of every projection query: a readable history view, and each query's own bounds.</summary>
public sealed class ProjectionQueryValidator :
    IQueryValidator<GetTrialBalance>, IQueryValidator<GetLedgerBalances>, IQueryValidator<GetJournalEntries>,
    IQueryValidator<GetPositions>, IQueryValidator<GetCounterpartyExposure>, IQueryValidator<GetCurrencyExposure>,
    IQueryValidator<GetObligations>, IQueryValidator<GetNettingSets>, IQueryValidator<GetSettlementExceptions>,
    IQueryValidator<GetSettlementFails>, IQueryValidator<GetSettlementLadder>
{
    /// <summary>The most ladder days one query may ask for (a year of business days).</summary>
    public const int MaxLadderDays = 250;

    /// <summary>The most journal entries one query may return.</summary>
    public const int MaxJournalEntries = 10_000;

    private readonly ProjectionCatalog _catalog;

    /// <summary>Creates the validator; the catalog says whether as-of views can be served.</summary>
    public ProjectionQueryValidator(ProjectionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetTrialBalance request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetLedgerBalances request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetJournalEntries request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Limit is < 1 or > MaxJournalEntries
            ? [.. View(request), $"Limit: {request.Limit} is not between 1 and {MaxJournalEntries}"]
            : View(request);
    }

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetPositions request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetCounterpartyExposure request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetCurrencyExposure request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetObligations request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.TradeId.IsDefault ? [.. View(request), "TradeId: must be set"] : View(request);
    }

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetNettingSets request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetSettlementExceptions request) => View(request);

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetSettlementFails request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.AsOfDate == default ? [.. View(request), "AsOfDate: must be set"] : View(request);
    }

    /// <inheritdoc />
    public IEnumerable<string> Validate(GetSettlementLadder request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = View(request).ToList();
        if (request.From == default)
        {
            errors.Add("From: must be set");
        }

        if (request.BusinessDays is < 1 or > MaxLadderDays)
        {
            errors.Add($"BusinessDays: {request.BusinessDays} is not between 1 and {MaxLadderDays}");
        }

        return errors;
    }

    private List<string> View<T>(ProjectionQuery<T> request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        var view = request.View;
        if (view is null)
        {
            errors.Add("View: must be set (HistoryView.Live for the live state)");
            return errors;
        }

        if (view.AtPosition is < 0)
        {
            errors.Add($"View.AtPosition: {view.AtPosition} is negative");
        }

        if (view.KnownAt == default(DateTimeOffset))
        {
            errors.Add("View.KnownAt: must be a real instant, not the default");
        }

        if (view.EffectiveOn == default(Domain.Values.BusinessDate))
        {
            errors.Add("View.EffectiveOn: must be a real date, not the default");
        }

        if (!view.IsLive && !_catalog.HasHistory)
        {
            errors.Add("View: as-of views need the event history, and this service has none");
        }

        return errors;
    }
}
