using System.Reflection;
using RlGameTester.Analysis.Levels;
using RlGameTester.Analysis.Reports;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Analysis.Tests.Reports;

/// <summary>Every kind of finding gets a fix of its own, made concrete with its element and place.</summary>
public sealed class FindingFixesTests
{
    public static TheoryData<string> BugTypes => [.. SnakeCase.Values<BugType>().Where(t => t != "level_check")];

    public static TheoryData<string> UntypedChecks =>
    [
        .. typeof(CheckNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .Where(check => FindingTypes.OfCheck(check) == BugType.LevelCheck),
    ];

    [Theory]
    [MemberData(nameof(BugTypes))]
    public void EveryBugTypeHasItsOwnFix(string type)
    {
        var fix = FindingFixes.For(Finding(type, check: null));

        Assert.DoesNotContain("as the check says", fix);
        Assert.DoesNotContain("in an editor and play it there", fix);
    }

    [Theory]
    [MemberData(nameof(UntypedChecks))]
    public void EveryStaticCheckWithoutATypeOfItsOwnHasItsOwnFix(string check)
    {
        var fix = FindingFixes.For(Finding("level_check", check) with { Source = "static" });

        Assert.DoesNotContain("as the check says", fix);
    }

    [Fact]
    public void FixesNameTheElementAndThePlace()
    {
        Assert.Equal(
            "Set the lower texture on the back side of line 7 (sidedef 11), for example the texture of the wall beside it; until then the gap shows Hall-of-Mirrors smearing.",
            FindingFixes.For(Finding("missing_texture", "missing-texture") with { Description = "Line 7, back side (sidedef 11): the lower texture is missing but visible." }));
        Assert.StartsWith("Check for geometry snags around (96, -32) in episode 3:", FindingFixes.For(Finding("stuck_state", "stuck-state") with { Episode = 3 }));
        Assert.Contains("line 5", FindingFixes.For(Finding("exit_unreachable", null)));
        Assert.Contains("sector 5", FindingFixes.For(Finding("unclosed_sector", "unclosed-sector") with { Element = "sector" }));
        Assert.StartsWith("Replace the texture BIGDOOR9 on the front side of line 3",
            FindingFixes.For(Finding("unknown_texture", "unknown-texture") with { Description = "Line 3, front side (sidedef 4): the upper texture \"BIGDOOR9\" is not defined in the level's WAD or the IWAD." }));
    }

    [Theory]
    [InlineData("""{"step":"64","blocking_line":"123","blocking_sector":"45"}""", "Lower the step of 64 units at line 123 up to sector 45 to at most 24")]
    [InlineData("""{"key_needed":"blue keycard","key_present":"false","blocking_line":"77"}""", "Place a blue keycard where the player reaches it before the locked door at line 77")]
    [InlineData("""{"key_needed":"red skull key","key_present":"true","key_thing":"12","blocking_line":"77"}""", "The red skull key that the locked door at line 77 needs (thing 12) cannot be reached")]
    [InlineData("""{"opening":"40","blocking_sector":"9"}""", "Raise the ceiling of sector 9: the opening is 40 units and the body needs 56.")]
    [InlineData("""{"blocking_thing":"31"}""", "Move thing 31 out of the way to the exit")]
    [InlineData("""{"reason":"no exit"}""", "Add an exit the player can reach")]
    public void AnUnreachableExitsFixNamesWhatTheExplorerFoundInTheWay(string evidence, string fix)
    {
        using var json = System.Text.Json.JsonDocument.Parse(evidence);

        Assert.StartsWith(fix, FindingFixes.For(Finding("exit_unreachable", "explorer-exit-unreachable") with { Evidence = json.RootElement.Clone() }));
    }

    [Fact]
    public void TheExplorersStuckSpotsSoftlocksAndUnreachableThingsAreFixedWhereItSays()
    {
        Assert.Equal("Widen the gap at line 88 from 24 to at least 32 units (the body is 32 wide).",
            FindingFixes.For(Finding("stuck_state", "explorer-stuck-spot") with { Evidence = Json("""{"line":"88","sector":"3","gap_width":"24"}""") }));
        Assert.StartsWith("The player can get into the area around (96, -32) and not out: lower the way up at (100, -40) from 48 units to at most 24, or add a lift",
            FindingFixes.For(Finding("softlock", "explorer-softlock") with { Evidence = Json("""{"sector":"3","floor":"-128","lowest_climb_out":"48","climb_out_x":"100","climb_out_y":"-40"}""") }));
        Assert.Contains("(the nearest spot a player reaches is (64, 0))",
            FindingFixes.For(Finding("unreachable_key", "explorer-unreachable-key") with { Evidence = Json("""{"type":"5","nearest_reachable_x":"64","nearest_reachable_y":"0"}""") }));
        Assert.Contains("(sector special 16, 20 hp every 32 tics)",
            FindingFixes.For(Finding("hazard", "explorer-death-zone") with { Evidence = Json("""{"damage":"20","special":"16","way_out":"none"}""") }));
    }

    private static System.Text.Json.JsonElement Json(string text)
    {
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static EvidenceFinding Finding(string type, string? check) => new()
    {
        Id = 1, Type = type, Severity = "major", Source = "telemetry", Check = check, Title = "t",
        X = 96, Y = -32, Element = "line", ElementIndex = 5,
    };
}
