namespace RlGameTester.Doom.Views;

/// <summary>
/// The point a view faces, the unit normal of the side to stand on (zero: any), the sector it is seen from, the line it
/// is on (-1: none), the facing for a camera standing on it, and the sector looked at whose own lines do not block the
/// sight (-1: none).
/// </summary>
internal readonly record struct Aim(double X, double Y, double NormalX, double NormalY, int? Sector, int Line, double FacingAngle, int SeenSector);
