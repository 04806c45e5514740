using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;
using RlGameTester.TestSupport;

namespace RlGameTester.Cli.Tests;

/// <summary>
/// The SARIF output, validated against the SARIF 2.1.0 JSON schema (tests/fixtures/sarif) and read the way code scanning
/// reads it: rules with help text, results located in the WAD file and at the level's element, stable fingerprints.
/// </summary>
public sealed class SarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Fixtures.Directory, "sarif", "sarif-2.1.0.json"))));

    [Fact]
    public async Task TheSarifOutputIsValidAgainstTheSchemaAndLocatesEachFinding()
    {
        using var folder = Rlgt.Folder();
        var wad = folder.Write("map01.wad", CheckCommandTests.WithUnknownTexture());

        var result = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--format", "sarif");
        var json = await Rlgt.RunAsync("check", wad, "--iwad", Fixtures.Freedoom2, "--format", "json");

        var sarif = JsonNode.Parse(result.Output)!;
        AssertValid(sarif);
        var run = sarif["runs"]![0]!;
        var results = run["results"]!.AsArray();
        var findings = json.Json["levels"]![0]!["findings"]!.AsArray();
        Assert.Equal(findings.Count, results.Count);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(findings.Select(f => f!["check_name"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal), rules.Select(r => r!["id"]!.GetValue<string>()));
        var rule = rules.Single(r => r!["id"]!.GetValue<string>() == CheckNames.UnknownTexture)!;
        Assert.Equal(CheckCatalog.Describe(CheckNames.UnknownTexture).Help, rule["help"]!["text"]!.GetValue<string>());

        var unknown = results.Single(r => r!["ruleId"]!.GetValue<string>() == CheckNames.UnknownTexture)!;
        Assert.Equal("warning", unknown["level"]!.GetValue<string>());
        Assert.Equal(rules.IndexOf(rule), unknown["ruleIndex"]!.GetValue<int>());
        var location = unknown["locations"]![0]!;
        Assert.Equal(new Uri(wad).AbsoluteUri, location["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.StartsWith("MAP01/side ", location["logicalLocations"]![0]!["fullyQualifiedName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("MAP01/unknown-texture/side/", unknown["partialFingerprints"]!["rlgtFinding/v1"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShippedIwadsSarifIsValidToo()
    {
        var result = await Rlgt.RunAsync("check", Fixtures.Freedoom1, "--format", "sarif", "--fail-on", "minor");

        var sarif = JsonNode.Parse(result.Output)!;
        AssertValid(sarif);
        var results = sarif["runs"]![0]!["results"]!.AsArray();
        // The gate is minor: exit 1 exactly when some result is minor or worse.
        Assert.Equal(results.Any(r => r!["properties"]!["severity"]!.GetValue<string>() is "critical" or "major" or "minor") ? 1 : 0, result.Exit);
    }

    private static void AssertValid(JsonNode sarif)
    {
        var evaluation = Schema.Value.Evaluate(JsonSerializer.SerializeToElement(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        Assert.True(evaluation.IsValid, string.Join("\n", errors.Take(20)));
    }
}
