namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Arnold's deathmatch takes <c>--wad NAME</c> and opens <c>resources/scenarios/NAME.wad</c> in its checkout:
/// the run's WAD is copied there under a name of its own for the run, and deleted when the run ends.
/// </summary>
/// <param name="Source">The run's WAD.</param>
/// <param name="Target">Its copy in <c>&lt;Path&gt;/resources/scenarios/</c>.</param>
/// <param name="Name">The name given to <c>--wad</c> (the file name without <c>.wad</c>).</param>
internal sealed record ArnoldWadCopy(string Source, string Target, string Name);
