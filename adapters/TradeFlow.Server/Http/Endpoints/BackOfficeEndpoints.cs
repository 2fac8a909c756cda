using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Domain.Time;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Settlement;
using TradeFlow.Server.Http.Security;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>Back office reads: obligations, netting sets, the ladder, fails, exceptions; ledger balances, trial balance, postings.</summary>
internal static class BackOfficeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api").WithTags("Back office").RequireAuthorization(ApiPolicy.BackOfficeRead)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        office.MapGet("/trades/{tradeId}/obligations", Obligations).WithName("GetObligations").Produces<IReadOnlyList<Obligation>>();
        office.MapGet("/trades/{tradeId}/postings", Postings).WithName("GetPostings").Produces<IReadOnlyList<JournalEntry>>();
        office.MapGet("/settlement/netting-sets", NettingSets).WithName("GetNettingSets").Produces<IReadOnlyList<NettingSet>>();
        office.MapGet("/settlement/ladder", Ladder).WithName("GetSettlementLadder").Produces<IReadOnlyList<LadderRow>>();
        office.MapGet("/settlement/fails", Fails).WithName("GetSettlementFails").Produces<IReadOnlyList<FailRow>>();
        office.MapGet("/settlement/exceptions", Exceptions).WithName("GetSettlementExceptions").Produces<IReadOnlyList<SettlementBreak>>();
        office.MapGet("/ledger/balances", Balances).WithName("GetLedgerBalances").Produces<IReadOnlyList<LedgerBalance>>();
        office.MapGet("/ledger/trial-balance", TrialBalance).WithName("GetTrialBalance").Produces<IReadOnlyList<TrialBalanceLine>>();
    }

    private static async Task<IResult> Obligations(IMediator mediator, string tradeId, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetObligations(id!.Value) { View = view }).ConfigureAwait(false));
    }

    private static async Task<IResult> Postings(IMediator mediator, string tradeId, string? asOf, string? effectiveDate, string? limit)
    {
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var view = errors.View(asOf, effectiveDate);
        var count = errors.Int("limit", limit, 1000, 1, ProjectionQueryValidator.MaxJournalEntries);
        errors.ThrowIfAny();
        var entries = await mediator.Send(new GetJournalEntries(id, count) { View = view }).ConfigureAwait(false);
        return Results.Ok(entries.Reverse().ToList());
    }

    private static Task<IResult> NettingSets(IMediator mediator, string? asOf, string? effectiveDate) =>
        Send(mediator, asOf, effectiveDate, view => new GetNettingSets { View = view });

    private static Task<IResult> Exceptions(IMediator mediator, string? asOf, string? effectiveDate) =>
        Send(mediator, asOf, effectiveDate, view => new GetSettlementExceptions { View = view });

    private static Task<IResult> TrialBalance(IMediator mediator, string? asOf, string? effectiveDate) =>
        Send(mediator, asOf, effectiveDate, view => new GetTrialBalance { View = view });

    private static async Task<IResult> Ladder(IMediator mediator, IClock clock, string? from, string? days, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var start = errors.Date("from", from) ?? BusinessDate.FromUtc(clock.UtcNow);
        var count = errors.Int("days", days, 10, 1, ProjectionQueryValidator.MaxLadderDays);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetSettlementLadder(start, count) { View = view }).ConfigureAwait(false));
    }

    private static async Task<IResult> Fails(IMediator mediator, IClock clock, string? date, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var on = errors.Date("date", date) ?? BusinessDate.FromUtc(clock.UtcNow);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetSettlementFails(on) { View = view }).ConfigureAwait(false));
    }

    private static async Task<IResult> Balances(IMediator mediator, string? book, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var bookId = errors.Book("book", book);
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetLedgerBalances(bookId) { View = view }).ConfigureAwait(false));
    }

    private static async Task<IResult> Send<T>(IMediator mediator, string? asOf, string? effectiveDate, Func<HistoryView, ProjectionQuery<T>> query)
    {
        var errors = new FieldErrors();
        var view = errors.View(asOf, effectiveDate);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(query(view)).ConfigureAwait(false));
    }
}
