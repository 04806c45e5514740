using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Something wrong in a level's data that the ports load anyway, and that the reader therefore loads as they do
/// (a value ignored, clamped or defaulted). <c>LevelChecker</c> reports each one as a finding.
/// </summary>
/// <param name="Check">The stable check name the finding gets (see <see cref="CheckNames"/>).</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Element">The kind of element it concerns (<see cref="ElementKind.Level"/> for the level or a lump).</param>
/// <param name="Index">The first such element's index (null for the level); the message names the others.</param>
/// <param name="Message">What is wrong and how the ports, and so the reader, read it.</param>
public sealed record LevelReadProblem(string Check, FindingSeverity Severity, ElementKind Element, int? Index, string Message);
