using System.Reflection;
using RlGameTester.Analysis.Levels;
using RlGameTester.Analysis.Reports;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
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
            .Where(check => StaticBugTypes.Of(check) == BugType.LevelCheck),
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

    private static EvidenceFinding Finding(string type, string? check) => new()
    {
        Id = 1, Type = type, Severity = "major", Source = "telemetry", Check = check, Title = "t",
        X = 96, Y = -32, Element = "line", ElementIndex = 5,
    };
}
