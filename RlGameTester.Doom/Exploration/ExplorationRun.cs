using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// One exploration: the agent's state (cell, clock, health, armour, keys, what it has set off and picked up), the
/// reachable set under the current sector heights, target searches, and the walk that turns paths into events.
/// </summary>
internal sealed partial class ExplorationRun
{
    /// <summary>Running speed, map units per tic (Doom's run is about 16.7 at full speed).</summary>
    public const double Speed = 16;

    private const int OrthogonalCost = 10;
    private const int DiagonalCost = 14;
    private const int DamagePenalty = 40;
    private const int TeleportFreezeTics = 18;
    private const int LiftRideTics = 70;
    private const double BlockSize = 64;
    private const int MaxTrips = 20_000;

    private readonly LevelModel model;
    private readonly NavGrid grid;
    private readonly ExplorerOptions options;
    private readonly CancellationToken cancellationToken;
    private readonly int[] directionOrder = new int[8];
    private readonly List<ExplorerEvent> events = [];

    // Per-cell search state, reused: a value is valid only when its stamp equals the current generation.
    private readonly int[] reachStamp;
    private readonly int[] returnStamp;
    private readonly int[] exitReturnStamp;
    private readonly int[] searchStamp;
    private readonly int[] distance;
    private readonly int[] parent;
    private readonly sbyte[] parentDirection;
    private readonly PriorityQueue<int, int> heap = new();
    // The ring must be larger than the costliest step (a lift wait on a damaging floor: 1400 + 54).
    private readonly BucketQueue buckets = new(4096);
    private readonly byte[] moveMask;
    private readonly Queue<int> queue = new();
    private readonly Dictionary<int, List<int>> arrivals = [];
    private readonly List<int> grown = [];
    private readonly List<int> growing = [];
    private int reachGeneration;
    private int returnGeneration;
    private int exitReturnGeneration;
    private int searchGeneration;
    private bool exitReturnValid;

    private readonly bool[] taken;
    private readonly bool[] thingDone;
    private readonly bool[] activated;
    private readonly bool[] sectorDamaging;
    private readonly int[] sectorDamage;
    private readonly bool[] sectorEndsLevel;
    private readonly double[] hurt;
    private readonly bool[] visitedBlock;
    private readonly int blockColumns;
    private readonly List<(int Sector, int Low, int High, int Ceiling, int Special)> changes = [];
    private readonly List<(int Tag, BossEffect Effect, int Monster)> pendingBossActions = [];
    private readonly bool[]? bossExitCells;
    private readonly List<int> bossExitTypes = [];
    private readonly bool[] crushed;

    private int cell;
    private double clock;
    private int lastTick;
    private int angle;
    private int health = 100;
    private int armor;
    private int armorType;
    private int suitUntil = -1;
    private int invulnerableUntil = -1;
    private int liftConfig = 1;
    private DoomKeys keys;
    private bool dirty = true;
    private bool interrupted;
    private int exhausted;
    private bool exitInReach;

    public ExplorationRun(LevelModel model, ExplorerOptions options, CancellationToken cancellationToken)
    {
        this.model = model;
        grid = model.Grid;
        this.options = options;
        this.cancellationToken = cancellationToken;
        Heights = new SectorHeights(model.Level, model.Geometry);
        grid.Recompute(Heights);

        var rotation = ((options.Seed % 8) + 8) % 8;
        var reverse = ((options.Seed >> 3) & 1) == 1;
        for (var i = 0; i < 8; i++)
        {
            directionOrder[i] = reverse ? (rotation + 8 - i) & 7 : (rotation + i) & 7;
        }

        var count = grid.Count;
        moveMask = new byte[count];
        for (var c = 0; c < count; c++)
        {
            UpdateMoveMask(c);
        }

        reachStamp = new int[count];
        returnStamp = new int[count];
        exitReturnStamp = new int[count];
        searchStamp = new int[count];
        distance = new int[count];
        parent = new int[count];
        parentDirection = new sbyte[count];
        EverReachable = new bool[count];
        Trail = new bool[count];
        taken = new bool[model.Level.Things.Length];
        thingDone = new bool[model.Level.Things.Length];
        activated = new bool[model.Level.Linedefs.Length];
        crushed = new bool[model.Level.Sectors.Length];
        sectorDamaging = new bool[model.Level.Sectors.Length];
        sectorDamage = new int[model.Level.Sectors.Length];
        sectorEndsLevel = new bool[model.Level.Sectors.Length];
        for (var s = 0; s < sectorDamaging.Length; s++)
        {
            UpdateSectorDamage(s);
        }

        hurt = new double[count];

        blockColumns = (int)Math.Ceiling(grid.Columns * grid.CellSize / BlockSize) + 1;
        visitedBlock = new bool[blockColumns * ((int)Math.Ceiling(grid.Rows * grid.CellSize / BlockSize) + 1)];

        foreach (var action in BossDeathActions.For(model.Level.Name))
        {
            if (!ThingTypeOnSkill(action.MonsterType))
            {
                continue;
            }

            if (action.Tag is { } tag && model.Level.UsesDoomSpecials)
            {
                pendingBossActions.Add((tag, action.Effect, action.MonsterType));
            }
            else if (action.Effect == BossEffect.ExitLevel)
            {
                bossExitTypes.Add(action.MonsterType);
                bossExitCells ??= new bool[count];
                MarkBossExitCells(action.MonsterType, bossExitCells);
            }
        }
    }

    public SectorHeights Heights { get; }

    /// <summary>Cells the body could stand in at some point of the run.</summary>
    public bool[] EverReachable { get; }

    /// <summary>Cells the body's centre passed through.</summary>
    public bool[] Trail { get; }

    public IReadOnlyList<ExplorerEvent> Events => events;

    public int StartCell { get; private set; } = -1;

    public int Cell => cell;

    public int Tick => lastTick;

    public int Health => health;

    public bool ExitReached { get; private set; }

    public bool SecretExit { get; private set; }

    public int? ExitTick { get; private set; }

    public bool Died { get; private set; }

    /// <summary>Plays the level from the player 1 start.</summary>
    public void Run(int startCell, int startAngle)
    {
        StartCell = startCell;
        cell = startCell;
        angle = startAngle;
        Trail[cell] = true;
        MarkVisited(cell);
        EmitPositions();
        PickUp(cell);

        var trips = 0;
        while (!ExitReached && !Died && trips++ < MaxTrips)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Update();
            if (clock >= options.TickLimit)
            {
                break;
            }

            if (TryTrip(Goal.Progress, requireReturn: true) || TryTrip(Goal.Explore, requireReturn: true))
            {
                continue;
            }

            if (!exitInReach)
            {
                if (FireBossActions() || TryTrip(Goal.Progress, requireReturn: false))
                {
                    continue;
                }

                break;
            }

            // Only one-way trips are left: take those from which the exit can still be reached, then leave.
            if (TryTrip(Goal.ProgressOrExploreTowardsExit, requireReturn: false))
            {
                continue;
            }

            break;
        }

        // Exit last; a walk cut short (a teleport on the way, a line set off) is planned again.
        for (var attempt = 0; attempt < 64 && !ExitReached && !Died; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Update();
            if (!TryTrip(Goal.NormalExit, requireReturn: false) && !TryTrip(Goal.SecretExit, requireReturn: false))
            {
                break;
            }
        }

        if (!ExitReached && !Died && !CanReachStart())
        {
            Add(Event(ExplorerEventKind.StuckCandidate, cell) with { Detail = "no way back to the start and no exit from here" });
        }
    }

    /// <summary>Brings the reachable sets up to date: a full search after a closing move or a one-way trip, else growth.</summary>
    private void Update()
    {
        if (dirty)
        {
            grown.Clear();
            Refresh();
        }
        else if (grown.Count > 0)
        {
            Grow();
        }
    }

    private bool ThingTypeOnSkill(int type)
    {
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            if (model.ThingPresent[t] && model.Level.Things[t].Type == type)
            {
                return true;
            }
        }

        return false;
    }

    private void UpdateSectorDamage(int sector)
    {
        var info = DescribeSector(Heights.Special[sector]);
        sectorDamaging[sector] = info.Damage > 0;
        sectorDamage[sector] = options.Skill <= 1 ? info.Damage >> 1 : info.Damage;
        sectorEndsLevel[sector] = info.EndsLevel;
    }

    private SectorSpecialInfo DescribeSector(int special) =>
        model.Level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special);

    // A boss that ends the level dies when the agent sees it: cells within 1024 units with no one-sided wall between.
    private void MarkBossExitCells(int monsterType, bool[] cells)
    {
        var scratch = new List<int>();
        const double Range = 1024;
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            var thing = model.Level.Things[t];
            if (!model.ThingPresent[t] || thing.Type != monsterType)
            {
                continue;
            }

            var reach = (int)Math.Ceiling(Range / grid.CellSize);
            var center = grid.CellAt(thing.X, thing.Y);
            int col0 = center % grid.Columns, row0 = center / grid.Columns;

            // Every other cell is enough to find a spot; its neighbours are marked with it.
            for (var r = Math.Max(1, row0 - reach); r <= Math.Min(grid.Rows - 2, row0 + reach); r += 2)
            {
                for (var c = Math.Max(1, col0 - reach); c <= Math.Min(grid.Columns - 2, col0 + reach); c += 2)
                {
                    var cellIndex = (r * grid.Columns) + c;
                    if (grid.Blocked[cellIndex] != NavGrid.Free)
                    {
                        continue;
                    }

                    double x = grid.X(cellIndex), y = grid.Y(cellIndex);
                    if (((x - thing.X) * (x - thing.X)) + ((y - thing.Y) * (y - thing.Y)) > Range * Range ||
                        grid.WallBetween(x, y, thing.X, thing.Y, -1, scratch))
                    {
                        continue;
                    }

                    cells[cellIndex] = true;
                    cells[cellIndex + 1] = true;
                    cells[cellIndex + grid.Columns] = true;
                    cells[cellIndex + grid.Columns + 1] = true;
                }
            }
        }
    }
}
