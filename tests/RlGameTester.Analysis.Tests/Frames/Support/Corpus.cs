using RlGameTester.Analysis.Frames;

namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>One clip to make: its category and how (with its own seeded randomness, so any clip can be remade alone).</summary>
internal sealed record ClipRecipe(string Category, int Seed, bool Clean, Func<Random, Clip> Make)
{
    public Clip Build() => Make(new Random(Seed));
}

/// <summary>
/// The labelled set the detection and false-positive rates are measured on: clean play and screens that naive
/// detectors mistake for glitches, and each glitch injected into play. Seeded: the same clips every run.
/// </summary>
internal static class Corpus
{
    /// <summary>Rooms lit below this look black in Doom itself (light 32 fades to colormap 29+ at arm's length).</summary>
    public const string PitchDarkCategory = "pitch-dark-room";

    public static IReadOnlyList<ClipRecipe> Clean(ClipFactory f, int seed, int perCategory)
    {
        var makers = new (string Category, Func<Random, Clip> Make)[]
        {
            ("lit-room", r => f.Room(r, "lit-room", r.Next(112, 256), false, ClipFactory.RandomMotion(r))),
            ("dark-room", r => f.Room(r, "dark-room", r.Next(48, 112), false, ClipFactory.RandomMotion(r))),
            ("outdoor-walk", r => f.Room(r, "outdoor-walk", r.Next(128, 256), true, Motion.Walk)),
            ("turn-in-place", r => f.Room(r, "turn-in-place", ClipFactory.RandomLight(r), r.NextDouble() < 0.4, Motion.Turn)),
            ("standing-still", r => f.Room(r, "standing-still", ClipFactory.RandomLight(r), r.NextDouble() < 0.4, Motion.Stand, frames: 30, step: 4)),
            ("strobe-lights", r => f.Room(r, "strobe-lights", r.Next(160, 256), false, r.NextDouble() < 0.5 ? Motion.Walk : Motion.Stand, frames: 20, step: 1, strobe: true)),
            ("chaingun-fire", r => f.Room(r, "chaingun-fire", ClipFactory.RandomLight(r), false, r.NextDouble() < 0.5 ? Motion.Turn : Motion.Walk, frames: 20, step: r.Next(1, 5), chaingun: true)),
            ("hud-message", r => f.Room(r, "hud-message", r.Next(112, 256), r.NextDouble() < 0.4, r.NextDouble() < 0.5 ? Motion.Turn : Motion.Walk, message: "PICKED UP A SHOTGUN.")),
            ("menu", r => f.Menu(r, acting: false)),
            ("menu-while-pressing-keys", r => f.Menu(r, acting: true)),
            ("intermission", f.Intermission),
            ("text-screen", f.TextScreen),
            ("title-screen", f.TitleScreen),
            ("still-while-acting-briefly", r => f.BriefStill(r, 1.0 + (r.NextDouble() * 0.6))),
            (PitchDarkCategory, r => f.Room(r, PitchDarkCategory, r.Next(16, 48), false, ClipFactory.RandomMotion(r))),
        };
        return Expand(makers, seed, perCategory, clean: true);
    }

    public static IReadOnlyList<ClipRecipe> Glitched(ClipFactory f, int seed, int perCheck)
    {
        var makers = new (string Category, Func<Random, Clip> Make)[]
        {
            (FrameCheckNames.BlackFrame, f.BlackFrames),
            (FrameCheckNames.BlankFrame, f.BlankFrames),
            (FrameCheckNames.FrozenVideo, f.FrozenVideo),
            (FrameCheckNames.HallOfMirrors, r => f.UndrawnWall(r, clearBuffer: false)),
            (FrameCheckNames.ClearColourFill, r => f.UndrawnWall(r, clearBuffer: true)),
            (FrameCheckNames.MissingTexture, f.MissingTexture),
            (FrameCheckNames.Flicker, f.Flicker),
            (FrameCheckNames.Noise, f.Noise),
        };
        return Expand(makers, seed, perCheck, clean: false);
    }

    /// <summary>The same clip made with another factory (each thread has its own renderer).</summary>
    public static Clip Remake(ClipRecipe recipe, ClipFactory factory)
    {
        var makers = recipe.Clean ? Clean(factory, 0, 1) : Glitched(factory, 0, 1);
        return makers.First(m => m.Category == recipe.Category).Make(new Random(recipe.Seed));
    }

    private static List<ClipRecipe> Expand((string Category, Func<Random, Clip> Make)[] makers, int seed, int count, bool clean)
    {
        var recipes = new List<ClipRecipe>();
        for (var c = 0; c < makers.Length; c++)
        {
            for (var i = 0; i < count; i++)
            {
                // Not HashCode.Combine: its seed changes from process to process.
                recipes.Add(new ClipRecipe(makers[c].Category, unchecked((seed * 1_000_003) + (c * 10_007) + i), clean, makers[c].Make));
            }
        }

        return recipes;
    }
}
