using System.Globalization;
using System.Text;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Rendering;

/// <summary>
/// A one-sector UDMF room written for a render test: 512 units square (0..512 on both axes), the given wall texture on
/// all four walls, flats, heights and light, and any things. UDMF has no nodes, so its scenes use a built tree.
/// </summary>
internal sealed record TestRoom(
    string Wall = "STARTAN3",
    int Ceiling = 128,
    string FloorFlat = "FLOOR0_1",
    string CeilingFlat = "CEIL1_1",
    int Light = 255)
{
    public List<(int X, int Y, int Type, int Angle)> Things { get; } = [];

    public RenderScene Scene() => RenderScene.Create(Level(), RenderFixtures.Freedoom2Set, LevelDirectory.Find(Wad()).Single());

    public Level Level() => LevelReader.Read(LevelDirectory.Find(Wad()).Single());

    public WadFile Wad()
    {
        var text = new StringBuilder("namespace = \"doom\";\n");
        int[][] corners = [[0, 0], [0, 512], [512, 512], [512, 0]];
        foreach (var corner in corners)
        {
            text.Append(CultureInfo.InvariantCulture, $"vertex {{ x = {corner[0]}.0; y = {corner[1]}.0; }}\n");
        }

        // Clockwise, so each line's front (right-hand) side faces into the room.
        for (var i = 0; i < 4; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"linedef {{ v1 = {i}; v2 = {(i + 1) % 4}; sidefront = {i}; blocking = true; }}\n");
            text.Append(CultureInfo.InvariantCulture, $"sidedef {{ sector = 0; texturemiddle = \"{Wall}\"; }}\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"sector {{ heightfloor = 0; heightceiling = {Ceiling}; texturefloor = \"{FloorFlat}\"; textureceiling = \"{CeilingFlat}\"; lightlevel = {Light}; }}\n");
        foreach (var (x, y, type, angle) in Things)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"thing {{ x = {x}.0; y = {y}.0; type = {type}; angle = {angle}; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n");
        }

        return WadFile.Read(WadWriter.Write([("MAP01", []), ("TEXTMAP", Encoding.UTF8.GetBytes(text.ToString())), ("ENDMAP", [])]));
    }
}
