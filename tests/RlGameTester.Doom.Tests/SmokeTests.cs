namespace RlGameTester.Doom.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void FixturesAreReachable() => Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "RlGameTester.Doom.Tests.dll")));
}
