namespace TradeFlow.Projections.Queries;

/// <summary>Checks a query before its handler runs.</summary>
/// <typeparam name="TRequest">The query type.</typeparam>
public interface IQueryValidator<in TRequest>
{
    /// <summary>Every problem with <paramref name="request"/>, each naming the field; empty when valid.</summary>
    IEnumerable<string> Validate(TRequest request);
}
