namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// The request check, once, on the group every endpoint is mapped in: an endpoint whose handler takes
/// <see cref="IValidatedRequest"/> arguments answers the 400 of all their problems without running. Handlers check only
/// what needs the database (a map that must exist) or the service's settings.
/// </summary>
internal static class RequestValidation
{
    public static TBuilder ValidateRequests<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(static (factory, next) =>
        {
            var validated = factory.MethodInfo.GetParameters()
                .Where(p => typeof(IValidatedRequest).IsAssignableFrom(p.ParameterType))
                .Select(p => p.Position)
                .ToArray();
            if (validated.Length == 0)
            {
                return next;
            }

            return async context =>
            {
                var errors = new RequestErrors();
                foreach (var position in validated)
                {
                    // A missing body never gets here: the framework answers it (FrameworkProblems).
                    (context.Arguments[position] as IValidatedRequest)?.Validate(errors);
                }

                return errors.Any ? errors.Problem() : await next(context);
            };
        });
}
