using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>An optional event type to count.</summary>
internal sealed record EventTypeQuery([property: FromQuery(Name = "event_type")] string? EventType) : IValidatedRequest
{
    public EventType? Type => RequestErrors.ParsedEnum<EventType>(EventType);

    public void Validate(RequestErrors errors) => errors.Enum<EventType>("event_type", EventType);
}
