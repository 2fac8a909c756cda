using MediatR;

namespace TradeFlow.Projections.Queries;

/// <summary>
/// Wires the projection queries into MediatR 5.1.0 through its <see cref="ServiceFactory"/> delegate:
/// handlers, and a <see cref="ValidationBehavior{TRequest,TResponse}"/> in front of each. A host with a DI
/// container registers the same types instead (see <see cref="Resolve"/> for what it must provide).
/// </summary>
public static class ProjectionQueries
{
    /// <summary>A mediator answering every projection query from <paramref name="catalog"/>.</summary>
    public static IMediator CreateMediator(ProjectionCatalog catalog)
    {
        var handlers = new ProjectionQueryHandlers(catalog);
        var validator = new ProjectionQueryValidator(catalog);
        return new Mediator(type => Resolve(type, handlers, validator));
    }

    /// <summary>
    /// Resolves what MediatR asks for: <c>IRequestHandler&lt;TRequest,TResponse&gt;</c> → the handlers;
    /// <c>IEnumerable&lt;IPipelineBehavior&lt;TRequest,TResponse&gt;&gt;</c> → one validation behaviour;
    /// any other <c>IEnumerable&lt;T&gt;</c> → empty.
    /// </summary>
    public static object Resolve(Type serviceType, ProjectionQueryHandlers handlers, ProjectionQueryValidator validator)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType.IsInstanceOfType(handlers))
        {
            return handlers;
        }

        if (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var element = serviceType.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, IsBehavior(element) ? 1 : 0);
            if (items.Length == 1)
            {
                items.SetValue(CreateBehavior(element, validator), 0);
            }

            return items;
        }

        throw new InvalidOperationException($"No service registered for {serviceType}.");
    }

    private static bool IsBehavior(Type element) =>
        element.IsGenericType && element.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>);

    private static object CreateBehavior(Type behaviorInterface, ProjectionQueryValidator validator)
    {
        var arguments = behaviorInterface.GetGenericArguments();
        var validatorType = typeof(IQueryValidator<>).MakeGenericType(arguments[0]);
        var validators = Array.CreateInstance(validatorType, validatorType.IsInstanceOfType(validator) ? 1 : 0);
        if (validators.Length == 1)
        {
            validators.SetValue(validator, 0);
        }

        return Activator.CreateInstance(typeof(ValidationBehavior<,>).MakeGenericType(arguments), validators)!;
    }
}
