using RlGameTester.Api.Infrastructure;
using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>A designer's mark on a finding.</summary>
public sealed record TriageRequest : IValidatedRequest
{
    /// <summary>Required: confirmed, false_positive, fixed or wont_fix.</summary>
    /// <example>false_positive</example>
    public string? Status { get; init; }

    /// <summary>Why, at most 2,000 characters.</summary>
    /// <example>The texture comes from the project's resource WAD, which this upload did not carry.</example>
    public string? Note { get; init; }

    /// <summary>The status, once <see cref="IValidatedRequest.Validate"/> has accepted it.</summary>
    internal TriageStatus Parsed => RequestErrors.ParsedEnum<TriageStatus>(Status)!.Value;

    void IValidatedRequest.Validate(RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Status))
        {
            errors.Add("status", $"is required; allowed values: {Domain.SnakeCase.AllowedValues<TriageStatus>()}.");
        }

        errors.Enum<TriageStatus>("status", Status);
        errors.Text("note", Note, FindingTriage.MaxNoteLength, required: false);
    }
}
