namespace RlGameTester.Doom.Wad;

/// <summary>
/// A defect of a WAD's directory that every port reads past (they read the bytes where the directory says).
/// </summary>
/// <param name="Check">The stable check name a level's finding gets (<c>Checks.CheckNames</c>).</param>
/// <param name="LumpIndex">The directory entry concerned, or null when the whole directory is.</param>
/// <param name="Message">What is wrong.</param>
public sealed record WadProblem(string Check, int? LumpIndex, string Message);
