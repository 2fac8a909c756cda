using MediatR;
using Microsoft.Extensions.Logging;
using TradeFlow.Engine;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Server.Http.Requests;

/// <summary>
/// Submits a command through the engine (the same pipeline FIX uses), logs it with its actor, and — once it is
/// durable — waits (bounded) for the live projections to fold it, so a read right after the response sees it.
/// </summary>
internal sealed partial class CommandHandler : IRequestHandler<SubmitCommand, CommandOutcome>
{
    private readonly HttpApiServices _services;
    private readonly HttpApiOptions _options;
    private readonly ApiCounters _counters;
    private readonly ILogger<CommandHandler> _logger;

    public CommandHandler(HttpApiServices services, HttpApiOptions options, ApiCounters counters, ILogger<CommandHandler> logger)
    {
        _services = services;
        _options = options;
        _counters = counters;
        _logger = logger;
    }

    public async Task<CommandOutcome> Handle(SubmitCommand request, CancellationToken cancellationToken)
    {
        var command = request.Command;
        var target = command switch
        {
            ExistingTradeCommand existing => existing.TradeId.ToString(),
            ChangeCreditLimit limit => "credit limit of " + limit.Counterparty.ToString(),
            _ => "new trade",
        };
        LogSubmitting(_logger, command.Kind, target, request.Actor, command.SourceKey);
        _counters.CommandSubmitted();

        // The engine's wait is not cancelled by a client that goes away: once submitted, the command is decided anyway.
        var outcome = await _services.Engine.SubmitAsync(new EngineCommand(command, request.Source, request.Actor), CancellationToken.None)
            .ConfigureAwait(false);
        LogOutcome(_logger, command.Kind, outcome.TradeId.IsDefault ? target : outcome.TradeId.ToString(), request.Actor, outcome);
        if (outcome.Status != CommandStatus.Failed && !outcome.IsDuplicate && _services.WaitForProjections is { } wait)
        {
            await WaitForProjectionsAsync(wait, outcome, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task WaitForProjectionsAsync(Func<EventSourcing.GlobalPosition, CancellationToken, Task> wait, CommandOutcome outcome,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ProjectionWait);
        try
        {
            await wait(outcome.Position, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The command is durable; the projections are only late. Answer anyway and say so in the log.
            LogProjectionsLate(_logger, outcome.Position.Value, _options.ProjectionWait);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP command {Kind} for {Target} by {Actor} (source key {SourceKey})")]
    private static partial void LogSubmitting(ILogger logger, TradeCommandKind kind, string target, string actor, string sourceKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP command {Kind} for {Target} by {Actor}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, TradeCommandKind kind, string target, string actor, CommandOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projections had not reached position {Position} after {Wait}; answering anyway")]
    private static partial void LogProjectionsLate(ILogger logger, long position, TimeSpan wait);
}
