namespace RlGameTester.Doom.Exploration;

/// <summary>What a trip goes to a cell for: <see cref="Aux"/> is the thing, line, step direction or sector.</summary>
internal readonly record struct TripTarget(int Cell, TargetKind Kind, int Aux);
