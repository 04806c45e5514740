using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// What a run has changed in the level: the sectors' heights and specials, the lines set off, the things taken and
/// dealt with, the sectors a crusher was started in; and what each sector's special does to a body on its floor.
/// </summary>
internal sealed class LevelState
{
    private readonly LevelModel _model;
    private readonly int _skill;
    private readonly bool[] _damaging;
    private readonly int[] _damage;
    private readonly bool[] _endsLevel;

    public LevelState(LevelModel model, int skill)
    {
        _model = model;
        _skill = skill;
        var level = model.Level;
        Heights = new SectorHeights(level, model.Geometry);
        Activated = new bool[level.Linedefs.Length];
        Rearmed = new bool[level.Linedefs.Length];
        Spent = new bool[level.Linedefs.Length];
        Taken = new bool[level.Things.Length];
        Done = new bool[level.Things.Length];
        Crushed = new bool[level.Sectors.Length];
        _damaging = new bool[level.Sectors.Length];
        _damage = new int[level.Sectors.Length];
        _endsLevel = new bool[level.Sectors.Length];
        for (var s = 0; s < level.Sectors.Length; s++)
        {
            UpdateSectorDamage(s);
        }

        Barrels = new Barrels(model, this);
    }

    /// <summary>The level's explosive barrels, and which are gone.</summary>
    public Barrels Barrels { get; }

    public SectorHeights Heights { get; }

    /// <summary>Counts the moves applied to the heights, so what was worked out from them knows when it is stale.</summary>
    public int HeightsVersion { get; private set; }

    public void HeightsChanged() => HeightsVersion++;

    /// <summary>
    /// One-shot lines set off, whose special Doom has cleared (P_ChangeSwitchTexture, P_CrossSpecialLine): a use trace
    /// passes them as plain lines now, so a switch behind a used one can be reached.
    /// </summary>
    public bool[] Spent { get; }

    /// <summary>Counts the lines spent, so what was traced past them is traced again.</summary>
    public int SpentVersion { get; private set; }

    public void Spend(int line)
    {
        if (!Spent[line])
        {
            Spent[line] = true;
            SpentVersion++;
        }
    }

    /// <summary>Lines set off (a repeatable door or switch is reset when what it opens shuts again).</summary>
    public bool[] Activated { get; }

    /// <summary>
    /// Repeatable lines reset because a move shut what they open (<see cref="Activated"/> false again). Going to one is
    /// progress only when nothing else is and the exit is out of reach (a trap door to open again): a bridge that one
    /// switch raises and another sinks re-arms the sinking switch as it rises, and pressing it at once sank the bridge
    /// under the agent before it crossed (Hacx 2 MAP13).
    /// </summary>
    public bool[] Rearmed { get; }

    /// <summary>Things picked up.</summary>
    public bool[] Taken { get; }

    /// <summary>Things the agent went for (taken, or found of no use).</summary>
    public bool[] Done { get; }

    /// <summary>Sectors a crusher was started in.</summary>
    public bool[] Crushed { get; }

    /// <summary>Whether the sector's floor hurts (or ends the level) now; false for -1.</summary>
    public bool IsDamaging(int sector) => sector >= 0 && _damaging[sector];

    /// <summary>Damage every 32 tics on the sector's floor, halved on skill 1.</summary>
    public int DamageOf(int sector) => _skill <= 1 ? _damage[sector] >> 1 : _damage[sector];

    /// <summary>Damage every 32 tics on the sector's floor before the skill halves it: its special's, or UDMF's fields.</summary>
    public int FullDamageOf(int sector) => _damage[sector];

    public bool EndsLevel(int sector) => _endsLevel[sector];

    public void UpdateSectorDamage(int sector)
    {
        var info = Describe(Heights.Special[sector]);

        // UDMF's damageamount hurts as a special's damage does, while the sector keeps the special it was drawn with
        // (one a mover gives it sets the damage anew, as GZDoom's TransferSpecial does).
        var drawn = _model.Level.Sectors[sector];
        var damage = info.Damage > 0 || Heights.Special[sector] != drawn.Special ? info.Damage : drawn.FieldDamagePer32Tics;
        _damaging[sector] = damage > 0;
        _damage[sector] = damage;
        _endsLevel[sector] = info.EndsLevel;
    }

    public SectorSpecialInfo Describe(int special) =>
        _model.Level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special);

    /// <summary>Whether a body in the cell stands on the sector's floor, in either lift configuration.</summary>
    public bool OnSectorFloor(int c, int sector)
    {
        var grid = _model.Grid;
        return grid.Floor0[c] == Heights.FloorLow[sector] || grid.Floor1[c] == Heights.FloorHigh[sector];
    }

    /// <summary>Whether a body in a cell touches a pickup, heights included (the item sits on its sector's floor).</summary>
    public bool Touches(int c, int thing)
    {
        var sector = _model.ThingSector[thing];
        if (sector < 0)
        {
            return false;
        }

        var grid = _model.Grid;
        for (var config = 0; config < 2; config++)
        {
            var itemZ = config == 0 ? Heights.FloorLow[sector] : Heights.FloorHigh[sector];
            var bodyZ = config == 0 ? grid.Floor0[c] : grid.Floor1[c];
            // P_TouchSpecialThing: an item more than 8 units below the feet is not touched.
            if (itemZ <= bodyZ + NavGrid.BodyHeight && itemZ + 8 >= bodyZ)
            {
                return true;
            }
        }

        return false;
    }
}
