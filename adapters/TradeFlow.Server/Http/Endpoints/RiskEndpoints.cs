using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Queries;
using TradeFlow.Server.Http.Errors;
using TradeFlow.Server.Http.Requests;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>Risk: counterparty exposure and limits, currency exposure, positions, P&amp;L; each takes <c>asOf</c> and <c>effectiveDate</c>.</summary>
internal static class RiskEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var risk = app.MapGroup("/api/risk").WithTags("Risk").RequireAuthorization(ApiPolicy.RiskRead)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        risk.MapGet("/exposures", Exposures).WithName("GetCounterpartyExposures").Produces<IReadOnlyList<ExposureView>>();
        risk.MapGet("/exposures/history", History).WithName("GetExposureHistory").Produces<ExposureHistory>();
        risk.MapGet("/exposures/{counterparty}", Exposure).WithName("GetCounterpartyExposure").Produces<ExposureView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        risk.MapGet("/currency-exposure", CurrencyExposure).WithName("GetCurrencyExposure").Produces<IReadOnlyList<CurrencyExposure>>();
        risk.MapGet("/positions", Positions).WithName("GetPositions").Produces<IReadOnlyList<Position>>();
        risk.MapGet("/pnl", Pnl).WithName("GetPnl").Produces<IReadOnlyList<PnlLine>>();
    }

    private static async Task<IResult> Exposures(IMediator mediator, ReferenceDataSet referenceData, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        var rows = await mediator.Send(new GetCounterpartyExposure { View = view }).ConfigureAwait(false);
        return Results.Ok(rows.Select(r => ExposureView.From(r, Name(referenceData, r.Counterparty))).ToList());
    }

    private static async Task<IResult> Exposure(IMediator mediator, ReferenceDataSet referenceData, string counterparty, string? asOf,
        string? effectiveDate)
    {
        var errors = new FieldErrors();
        var id = errors.Counterparty("counterparty", counterparty, required: true);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        if (!referenceData.TryGetCounterparty(id!.Value, out var known))
        {
            throw new ResourceNotFoundException($"Counterparty {counterparty} is not in the reference data.");
        }

        var rows = await mediator.Send(new GetCounterpartyExposure(id.Value) { View = view }).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            return Results.Ok(ExposureView.From(rows[0], known.Name));
        }

        // Nothing outstanding: the limit is untouched, which is an answer, not a missing resource.
        var limit = known.CreditLimit;
        return Results.Ok(new ExposureView(known.Id, known.Name, limit.LimitId, limit.Currency, 0m, 0m, 0m, limit.Hard.Amount, limit.Soft.Amount, 0m,
            limit.Hard.Amount, LimitBreach.None, []));
    }

    private static async Task<IResult> History(IMediator mediator, string? asOf, string? points)
    {
        var errors = new FieldErrors();
        var known = errors.Instant("asOf", asOf);
        var count = errors.Int("points", points, 60, 2, 500);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetExposureHistory(count, known)).ConfigureAwait(false));
    }

    private static async Task<IResult> CurrencyExposure(IMediator mediator, string? book, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var bookId = errors.Book("book", book);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetCurrencyExposure(bookId) { View = view }).ConfigureAwait(false));
    }

    private static async Task<IResult> Positions(IMediator mediator, string? book, string? instrument, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var bookId = errors.Book("book", book);
        var instrumentId = errors.Instrument("instrument", instrument);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        var rows = await mediator.Send(new GetPositions(bookId) { View = view }).ConfigureAwait(false);
        return Results.Ok(rows.Where(p => instrumentId is null || p.Instrument == instrumentId).ToList());
    }

    private static async Task<IResult> Pnl(IMediator mediator, string? book, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var bookId = errors.Book("book", book);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetPnl(bookId) { View = view }).ConfigureAwait(false));
    }

    private static string Name(ReferenceDataSet referenceData, CounterpartyId id) =>
        referenceData.TryGetCounterparty(id, out var c) ? c.Name : id.ToString();
}
