using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Domain.Time;
using TradeFlow.Domain.Trades;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>Traders: book, amend, cancel — through the engine, honouring <c>Idempotency-Key</c>.</summary>
internal static class TradeCommandEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var trades = app.MapGroup("/api/trades").WithTags("Traders").RequireAuthorization(ApiPolicy.TradeWrite);
        trades.MapPost("/", Book).WithName("BookTrade").Accepts<BookTradeBody>("application/json")
            .Produces<CommandResult>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        trades.MapPost("/{tradeId}/amend", Amend).WithName("AmendTrade").Accepts<BookTradeBody>("application/json")
            .Produces<CommandResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        trades.MapPost("/{tradeId}/cancel", Cancel).WithName("CancelTrade").Accepts<CancelTradeBody>("application/json")
            .Produces<CommandResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> Book(HttpContext context, IMediator mediator, IClock clock)
    {
        var body = await JsonBody.ReadAsync<BookTradeBody>(context.Request).ConfigureAwait(false);
        var errors = new FieldErrors();
        var sourceKey = CommandContext.SourceKey(context, errors);
        var terms = Terms(body, errors);
        var effective = errors.Instant("effectiveTime", body.EffectiveTime) ?? clock.UtcNow;
        errors.ThrowIfAny();
        return await CommandContext.SendAsync(context, mediator, new BookTrade(sourceKey, effective, terms!), creates: true).ConfigureAwait(false);
    }

    private static async Task<IResult> Amend(HttpContext context, IMediator mediator, IClock clock, string tradeId)
    {
        var body = await JsonBody.ReadAsync<BookTradeBody>(context.Request).ConfigureAwait(false);
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var sourceKey = CommandContext.SourceKey(context, errors);
        var terms = Terms(body, errors);
        var effective = errors.Instant("effectiveTime", body.EffectiveTime) ?? clock.UtcNow;
        errors.ThrowIfAny();
        return await CommandContext.SendAsync(context, mediator, new AmendTrade(id!.Value, sourceKey, effective, terms!)).ConfigureAwait(false);
    }

    private static async Task<IResult> Cancel(HttpContext context, IMediator mediator, IClock clock, string tradeId)
    {
        var body = await JsonBody.ReadAsync<CancelTradeBody>(context.Request).ConfigureAwait(false);
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var sourceKey = CommandContext.SourceKey(context, errors);
        var reason = errors.Text("reason", body.Reason, 500);
        var effective = errors.Instant("effectiveTime", body.EffectiveTime) ?? clock.UtcNow;
        errors.ThrowIfAny();
        return await CommandContext.SendAsync(context, mediator, new CancelTrade(id!.Value, sourceKey, effective, reason!)).ConfigureAwait(false);
    }

    /// <summary>The economics of a booking or amendment; null when any field is bad (the errors say which).</summary>
    private static TradeTerms? Terms(BookTradeBody body, FieldErrors errors)
    {
        var instrument = errors.Instrument("instrument", body.Instrument, required: true);
        var side = errors.Side("side", body.Side);
        var quantity = errors.Quantity("quantity", body.Quantity);
        var price = errors.Price("price", body.Price);
        var counterparty = errors.Counterparty("counterparty", body.Counterparty, required: true);
        var book = errors.Book("book", body.Book, required: true);
        var trader = errors.Trader("trader", body.Trader, required: true);
        var tradeDate = errors.Date("tradeDate", body.TradeDate, required: true);
        var settlementDate = errors.Date("settlementDate", body.SettlementDate);
        if (instrument is null || side is null || quantity is null || price is null || counterparty is null || book is null
            || trader is null || tradeDate is null)
        {
            return null;
        }

        return new TradeTerms(instrument.Value, side.Value, quantity.Value, price.Value, counterparty.Value, book.Value, trader.Value,
            tradeDate.Value, settlementDate);
    }
}
