namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// A request argument that checks itself: a JSON body, or query values bound as one record (<c>[AsParameters]</c>).
/// <see cref="RequestValidation"/> runs every such argument's checks before the handler, so one 400 names every
/// problem and the handler starts from a valid request.
/// </summary>
internal interface IValidatedRequest
{
    /// <summary>Adds each problem under its field's wire name; adds nothing when the request is valid.</summary>
    void Validate(RequestErrors errors);
}
