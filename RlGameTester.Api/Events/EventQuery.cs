using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>The filters of <c>GET /api/events</c>: the run (required), a type, events after an id.</summary>
internal sealed record EventQuery(
    [property: FromQuery(Name = "run_id")] long? RunId,
    [property: FromQuery(Name = "event_type")] string? EventType,
    [property: FromQuery(Name = "after_id")] long? AfterId) : IValidatedRequest
{
    public EventType? Type => RequestErrors.ParsedEnum<EventType>(EventType);

    public void Validate(RequestErrors errors)
    {
        errors.RequiredId("run_id", RunId);
        errors.Enum<EventType>("event_type", EventType);
        errors.NotNegative("after_id", AfterId);
    }
}
