namespace RlGameTester.Doom.Levels;

/// <summary>
/// The skill levels a thing appears on. Binary formats set skills 1-2, 3 and 4-5 together
/// (thing flags 1, 2 and 4); UDMF can set each one.
/// </summary>
[Flags]
public enum Skills
{
    None = 0,
    Skill1 = 1,
    Skill2 = 2,
    Skill3 = 4,
    Skill4 = 8,
    Skill5 = 16,

    /// <summary>"I'm too young to die" and "Hey, not too rough".</summary>
    Easy = Skill1 | Skill2,

    /// <summary>"Hurt me plenty".</summary>
    Medium = Skill3,

    /// <summary>"Ultra-Violence" and "Nightmare!".</summary>
    Hard = Skill4 | Skill5,

    All = Easy | Medium | Hard,
}
