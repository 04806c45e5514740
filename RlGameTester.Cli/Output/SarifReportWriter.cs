using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RlGameTester.Cli.Checking;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Output;

/// <summary>
/// SARIF 2.1.0, as code-scanning tools (GitHub's among them) read it: one run of the tool <c>rlgt</c> whose rules are the
/// checks that found something (with the catalogue's help text), and a result per finding located in the WAD file (the
/// physical location, relative to the working folder as CI jobs run from the repository's root) and at its level and
/// element (the logical location). A fingerprint of check, level, element and place lets a scanner follow a finding
/// across commits.
/// </summary>
internal sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public void Write(CheckReport report, TextWriter output)
    {
        var findings = report.Findings.ToList();
        var rules = findings.Select(f => f.CheckName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var artifact = ArtifactUri(report.Wad);
        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "rlgt",
                        ["semanticVersion"] = CliVersion.Text,
                        ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                    },
                },
                ["artifacts"] = new JsonArray(new JsonObject { ["location"] = new JsonObject { ["uri"] = artifact } }),
                ["results"] = new JsonArray([.. findings.Select(f => Result(f, ruleIndex[f.CheckName], artifact))]),
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
        output.WriteLine(sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Code scanning shows critical and major findings as errors and warnings, the rest as notes.</summary>
    internal static string Level(BugSeverity severity) => severity switch
    {
        BugSeverity.Critical => "error",
        BugSeverity.Major => "warning",
        _ => "note",
    };

    private static JsonNode Rule(string name)
    {
        var description = CheckCatalog.Describe(name);
        return new JsonObject
        {
            ["id"] = name,
            ["name"] = string.Concat(name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])),
            ["shortDescription"] = new JsonObject { ["text"] = description.Summary },
            ["fullDescription"] = new JsonObject { ["text"] = description.Help },
            ["help"] = new JsonObject { ["text"] = description.Help, ["markdown"] = $"**{description.Summary}** {description.Help}" },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray("doom", name.StartsWith("explorer-", StringComparison.Ordinal) ? "explorer" : "static") },
        };
    }

    private static JsonNode Result(CliFinding finding, int ruleIndex, string artifact)
    {
        var where = finding.PlaceText is { } place ? $"{finding.Level}, {finding.ElementText} at {place}" : $"{finding.Level}, {finding.ElementText}";
        var properties = new JsonObject
        {
            ["level"] = finding.Level,
            ["severity"] = SnakeCase.Of(finding.Severity),
            ["bug_type"] = SnakeCase.Of(finding.BugType),
            ["confidence"] = finding.Confidence,
        };
        if (finding.PositionX is { } x && finding.PositionY is { } y)
        {
            properties["x"] = x;
            properties["y"] = y;
        }

        return new JsonObject
        {
            ["ruleId"] = finding.CheckName,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = $"{where}: {finding.Title}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                // A WAD is binary: the region is its first line, which is all a viewer can point at.
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = artifact, ["index"] = 0 },
                    ["region"] = new JsonObject { ["startLine"] = 1 },
                },
                ["logicalLocations"] = new JsonArray(new JsonObject
                {
                    ["name"] = finding.ElementText,
                    ["fullyQualifiedName"] = string.Create(CultureInfo.InvariantCulture, $"{finding.Level}/{finding.ElementText}"),
                    ["kind"] = "element",
                }),
            }),
            ["partialFingerprints"] = new JsonObject { ["rlgtFinding/v1"] = finding.Fingerprint },
            ["properties"] = properties,
        };
    }

    /// <summary>The WAD's path relative to the working folder with forward slashes, or an absolute file URI when it lies outside.</summary>
    private static string ArtifactUri(string wad)
    {
        var full = Path.GetFullPath(wad);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new Uri(full).AbsoluteUri
            : string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
