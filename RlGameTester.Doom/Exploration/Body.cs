using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The player's body during a run: where it is and faces, the game clock, health, armour, powerups, keys and which
/// floor of the lifts it stands on.
/// </summary>
internal sealed class Body
{
    public int Cell { get; set; }

    /// <summary>
    /// Where Doom put the body when that is off its cell's centre (the start, a teleport's destination), or null: the
    /// body stays there until it next moves from that cell, and that move begins with a tic's walk to the centre.
    /// </summary>
    public (int Cell, double X, double Y)? OffGrid { get; set; }

    /// <summary>Facing in degrees, the direction of the last step.</summary>
    public int Angle { get; set; }

    /// <summary>Game time in tics, with the fraction of the step under way.</summary>
    public double Clock { get; set; }

    /// <summary>The last whole tic that has happened.</summary>
    public int LastTick { get; set; }

    public int Health { get; private set; } = 100;

    public int Armor { get; private set; }

    /// <summary>0 none, 1 green (absorbs a third), 2 blue (absorbs half).</summary>
    public int ArmorType { get; private set; }

    public int SuitUntil { get; private set; } = -1;

    public int InvulnerableUntil { get; private set; } = -1;

    /// <summary>0: cycling lifts are down where the body is, 1: up.</summary>
    public int LiftConfig { get; set; } = 1;

    /// <summary>When the lift the body last called is down (its clock), or NaN: it stays down PLATWAIT (105 tics).</summary>
    public double LiftDownAt { get; set; } = double.NaN;

    public DoomKeys Keys { get; private set; }

    public int ProtectedUntil => Math.Max(SuitUntil, InvulnerableUntil);

    /// <summary>P_DamageMobj for a player: armour absorbs its share first. Returns the health before.</summary>
    public int Hurt(int damage)
    {
        if (ArmorType > 0)
        {
            var saved = ArmorType == 1 ? damage / 3 : damage / 2;
            if (Armor <= saved)
            {
                saved = Armor;
                ArmorType = 0;
            }

            Armor -= saved;
            damage -= saved;
        }

        var old = Health;
        Health -= damage;
        return old;
    }

    /// <summary>
    /// What P_TouchSpecialThing gives for a thing type: false when the body would not pick it up (health or armour
    /// that would add nothing). <paramref name="newHealth"/> is the health it leaves; keys are added.
    /// </summary>
    public bool Give(int type, ThingTypeInfo info, out int newHealth)
    {
        newHealth = Health;
        switch (type)
        {
            case 2011 or 2012:
                if (Health >= 100)
                {
                    return false;
                }

                newHealth = Math.Min(100, Health + (type == 2011 ? 10 : 25));
                break;
            case 2014:
                newHealth = Math.Min(200, Health + 1);
                break;
            case 2013:
                newHealth = Math.Min(200, Health + 100);
                break;
            case 83:
                newHealth = 200;
                Armor = 200;
                ArmorType = 2;
                break;
            case 2023:
                newHealth = Math.Max(Health, 100);
                break;
            case 2018 or 2019:
                var points = type == 2018 ? 100 : 200;
                if (Armor >= points)
                {
                    return false;
                }

                Armor = points;
                ArmorType = type == 2018 ? 1 : 2;
                break;
            case 2015:
                Armor = Math.Min(200, Armor + 1);
                ArmorType = Math.Max(ArmorType, 1);
                break;
            case 2025:
                SuitUntil = LastTick + (60 * 35);
                break;
            case 2022:
                InvulnerableUntil = LastTick + (30 * 35);
                break;
        }

        Keys |= info.Key;
        return true;
    }

    public void SetHealth(int health) => Health = health;
}
