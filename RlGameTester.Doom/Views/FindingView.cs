using RlGameTester.Doom.Rendering;

namespace RlGameTester.Doom.Views;

/// <summary>A view chosen for a finding: where the camera stands and what it faces, and the sector it stands in.</summary>
/// <param name="View">The camera (eye at the player's height above the floor).</param>
/// <param name="Sector">The sector the camera stands in.</param>
/// <param name="FocusX">Map x of the point the view is centred on.</param>
/// <param name="FocusY">Map y of the point the view is centred on.</param>
public sealed record FindingView(ViewPoint View, int Sector, double FocusX, double FocusY);
