using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Views;

/// <summary>
/// What a finding's view should show: its element (a side, line, sector, thing or vertex, by index) and its place on
/// the map. <see cref="StandsAtPlace"/> says the place is where a player stood (an explorer's finding: where the play
/// stopped), so the view is taken from there, facing the element, when a player can stand there and see it.
/// </summary>
public readonly record struct ViewTarget(ElementKind? Element, int? Index, double X, double Y, bool StandsAtPlace = false);
