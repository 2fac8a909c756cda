using MediatR;

namespace TradeFlow.Projections.Queries;

/// <summary>Base of every projection query: a MediatR request with the history it reads.</summary>
/// <typeparam name="TResult">The answer.</typeparam>
public abstract record ProjectionQuery<TResult> : IRequest<TResult>
{
    /// <summary>The history to read (default: live).</summary>
    public HistoryView View { get; init; } = HistoryView.Live;
}
