namespace RlGameTester.Api.Infrastructure;

/// <summary>Declares in the OpenAPI document the problem answers an endpoint can give besides 400.</summary>
internal static class EndpointProblems
{
    /// <summary>404 when the id (or an id in the body) names nothing.</summary>
    public static RouteHandlerBuilder CanBeMissing(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>409 when the run's state does not allow the request; the body names the current state.</summary>
    public static RouteHandlerBuilder CanConflict(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status409Conflict);
}
