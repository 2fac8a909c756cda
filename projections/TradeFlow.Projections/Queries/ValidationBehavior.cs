using MediatR;

namespace TradeFlow.Projections.Queries;

/// <summary>The MediatR pipeline step that runs every validator of a query and refuses it with all problems at once.</summary>
/// <typeparam name="TRequest">The query type.</typeparam>
/// <typeparam name="TResponse">Its answer.</typeparam>
public sealed class ValidationBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IReadOnlyList<IQueryValidator<TRequest>> _validators;

    /// <summary>Creates the behaviour over the query's validators.</summary>
    public ValidationBehavior(IEnumerable<IQueryValidator<TRequest>> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        _validators = [.. validators];
    }

    /// <inheritdoc />
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var errors = _validators.SelectMany(v => v.Validate(request)).ToList();
        return errors.Count == 0 ? next() : throw new QueryValidationException(typeof(TRequest).Name, errors);
    }
}
