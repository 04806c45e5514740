using System.Collections.Frozen;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// The keys the ports read in each kind of block: the UDMF 1.1 base, the ZDoom extensions GZDoom's map loader reads
/// (its <c>udmf.cpp</c>, and <c>specs/udmf_zdoom.txt</c>) and those dsda-doom reads, which are a subset. Keys outside
/// them are "unknown" (GZDoom ignores them with a warning); <c>comment</c> and <c>user_*</c> keys are known everywhere.
/// </summary>
internal static class UdmfFields
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Known = new Dictionary<string, FrozenSet<string>>
    {
        ["thing"] = Set("""
            alpha ambush angle arg0 arg0str arg1 arg1str arg2 arg3 arg4 class1 class2 class3 class4 class5 class6 class7
            class8 class9 class10 class11 class12 class13 class14 class15 class16 comment conversation coop countsecret dm
            dormant fillcolor floatbobphase friend friendlyseeblocks gravity health height id invisible
            light_dontlightactors light_dontlightmap light_linearity light_noshadowmap light_shadowminquality
            light_softshadowradius light_strength lm_ao lm_bounce lm_dynamic lm_sampledist lm_suncolor lm_sunintensity
            nocount pitch renderstyle roll scale scalex scaley score single skill1 skill2 skill3 skill4 skill5 skill6
            skill7 skill8 skill9 skill10 skill11 skill12 skill13 skill14 skill15 skill16 special standing strifeally
            translucent type x y
            """),
        ["linedef"] = Set("""
            alpha anycross arg0 arg0str arg1 arg1str arg2 arg3 arg4 automapstyle blockeverything blockfloaters
            blockhitscan blocking blocklandmonsters blockmonsters blockplayers blockprojectiles blocksight blocksound
            blockuse checkswitchrange clipmidtex comment damagespecial deathspecial dontdraw dontpegbottom dontpegtop
            drawfullheight firstsideonly health healthgroup id impact jumpover lm_sampledist lm_sampledist_bot
            lm_sampledist_mid lm_sampledist_top locknumber mapped midtex3d midtex3dimpassible missilecross
            monsteractivate monstercross monsterpush monsteruse moreids noskywalls passuse playercross playerpush
            playeruse playeruseback renderstyle repeatspecial revealed secret sideback sidefront special translucent
            transparent twosided v1 v2 walking wrapmidtex zoneboundary
            """),
        ["sidedef"] = Set("""
            clampgradient_bottom clampgradient_mid clampgradient_top clipmidtex coloradd_bottom coloradd_mid
            coloradd_top colorization_bottom colorization_mid colorization_top comment flipgradient_bottom
            flipgradient_mid flipgradient_top light light_bottom light_mid light_top lightabsolute lightabsolute_bottom
            lightabsolute_mid lightabsolute_top lightfog lm_sampledist lm_sampledist_bot lm_sampledist_mid
            lm_sampledist_top lowercolor_bottom lowercolor_mid lowercolor_top nodecals nofakecontrast nogradient_bottom
            nogradient_mid nogradient_top offsetx offsetx_bottom offsetx_mid offsetx_top offsety offsety_bottom
            offsety_mid offsety_top scalex_bottom scalex_mid scalex_top scaley_bottom scaley_mid scaley_top sector
            skew_bottom skew_bottom_type skew_middle skew_middle_type skew_top skew_top_type smoothlighting
            texturebottom texturemiddle texturetop uppercolor_bottom uppercolor_mid uppercolor_top
            useowncoloradd_bottom useowncoloradd_mid useowncoloradd_top useowncolors_bottom useowncolors_mid
            useowncolors_top wrapmidtex xscroll xscrollbottom xscrollmid xscrolltop yscroll yscrollbottom yscrollmid
            yscrolltop
            """),
        ["vertex"] = Set("comment x y zceiling zfloor"),
        ["sector"] = Set("""
            alphaceiling alphafloor ceiling_reflect ceilingglowcolor ceilingglowheight ceilingplane_a ceilingplane_b
            ceilingplane_c ceilingplane_d ceilingterrain color_ceiling color_floor color_sprites color_wallbottom
            color_walltop coloradd_ceiling coloradd_floor coloradd_sprites coloradd_walls colorization_ceiling
            colorization_floor colormap comment damageamount damagehazard damageinterval damageterraineffect damagetype
            desaturation dropactors fadecolor floor_reflect floorglowcolor floorglowheight floorplane_a floorplane_b
            floorplane_c floorplane_d floorterrain fogdensity friction frictionfactor gravity harminair health3d
            health3dgroup healthceiling healthceilinggroup healthfloor healthfloorgroup heightceiling heightfloor
            hidden hurtmonsters id leakiness lightceiling lightceilingabsolute lightcolor lightfloor lightfloorabsolute
            lightlevel lm_dynamic lm_sampledist_ceiling lm_sampledist_floor moreids movefactor noattack
            nofallingdamage norespawn noskywalls portal_ceil_blocksound portal_ceil_disabled portal_ceil_nopass
            portal_ceil_norender portal_ceil_overlaytype portal_ceil_useglobaltex portal_floor_blocksound
            portal_floor_disabled portal_floor_nopass portal_floor_norender portal_floor_overlaytype
            portal_floor_useglobaltex renderstyleceiling renderstylefloor rotationceiling rotationfloor
            scroll_ceil_type scroll_ceil_x scroll_ceil_y scroll_floor_type scroll_floor_x scroll_floor_y
            scrollceilingmode scrollfloormode silent skyceiling skyceiling2 skyfloor skyfloor2 soundsequence special
            textureceiling texturefloor thrustgroup thrustlocation waterzone xpanningceiling xpanningfloor
            xscaleceiling xscalefloor xscrollceiling xscrollfloor xthrust ypanningceiling ypanningfloor yscaleceiling
            yscalefloor yscrollceiling yscrollfloor ythrust
            """),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // dsda-doom refuses the map when one of these is followed by anything but one value of the right kind and ';'.
    private static readonly FrozenDictionary<string, FrozenSet<string>> DsdaKeys = new Dictionary<string, FrozenSet<string>>
    {
        ["thing"] = Set("""
            alpha ambush angle arg0 arg0str arg1 arg2 arg3 arg4 class1 class2 class3 coop countsecret dm dormant
            floatbobphase friend gravity health height id invisible scale scalex scaley single skill1 skill2 skill3
            skill4 skill5 special standing strifeally translucent type x y
            """),
        ["linedef"] = Set("""
            alpha anycross arg0 arg0str arg1 arg2 arg3 arg4 automapstyle blockeverything blockfloaters blockhitscan
            blocking blocklandmonsters blockmonsters blockplayers blockprojectiles blocksight blocksound blockuse
            checkswitchrange clipmidtex damagespecial deathspecial dontdraw dontpegbottom dontpegtop drawfullheight
            firstsideonly health healthgroup id impact jumpover locknumber mapped midtex3d midtex3dimpassible
            missilecross monsteractivate monstercross monsterpush monsteruse moreids noskywalls passuse playercross
            playerpush playeruse playeruseback repeatspecial revealed secret sideback sidefront special translucent
            transparent twosided v1 v2 wrapmidtex zoneboundary
            """),
        ["sidedef"] = Set("""
            clipmidtex light light_bottom light_mid light_top lightabsolute lightabsolute_bottom lightabsolute_mid
            lightabsolute_top lightfog nodecals nofakecontrast offsetx offsetx_bottom offsetx_mid offsetx_top offsety
            offsety_bottom offsety_mid offsety_top scalex_bottom scalex_mid scalex_top scaley_bottom scaley_mid
            scaley_top sector smoothlighting texturebottom texturemiddle texturetop wrapmidtex xscroll xscrollbottom
            xscrollmid xscrolltop yscroll yscrollbottom yscrollmid yscrolltop
            """),
        ["vertex"] = Set("x y"),
        ["sector"] = Set("""
            colormap damageamount damagehazard damageinterval damageterraineffect dropactors frictionfactor gravity
            heightceiling heightfloor hidden id leakiness lightceiling lightceilingabsolute lightfloor
            lightfloorabsolute lightlevel moreids movefactor noattack nofallingdamage norespawn rotationceiling
            rotationfloor scrollceilingmode scrollfloormode silent skyceiling skyfloor special textureceiling
            texturefloor thrustgroup thrustlocation waterzone xpanningceiling xpanningfloor xscaleceiling xscalefloor
            xscrollceiling xscrollfloor xthrust ypanningceiling ypanningfloor yscaleceiling yscalefloor yscrollceiling
            yscrollfloor ythrust
            """),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when some port reads <paramref name="key"/> in a <paramref name="block"/> block.</summary>
    public static bool IsKnown(string block, string key) =>
        key == "comment" || key.StartsWith("user_", StringComparison.Ordinal) ||
        (Known.TryGetValue(block, out var keys) && keys.Contains(key));

    /// <summary>True when dsda-doom reads the key, so that a malformed value there is one no port loads.</summary>
    public static bool DsdaReads(string block, string key) => DsdaKeys.TryGetValue(block, out var keys) && keys.Contains(key);

    private static FrozenSet<string> Set(string keys) =>
        keys.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
