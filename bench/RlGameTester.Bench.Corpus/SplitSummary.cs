using System.Globalization;

namespace RlGameTester.Bench.Corpus;

/// <summary>
/// The aggregates of one split's single-player levels (or of its deathmatch block): levels, exits, finished, criticals
/// by kind, what stopped the unfinished ones, time. <see cref="Print"/> with <c>blind</c> leaves out everything that
/// names a level or a cause (for the held-out split).
/// </summary>
internal sealed class SplitSummary(string title, IReadOnlyList<LevelMeasurement> rows)
{
    public void Print(TextWriter output, bool blind)
    {
        var measured = rows.Where(r => r.Outcome is LevelOutcome.Measured or LevelOutcome.TimedOut).ToList();
        var withExit = rows.Count(r => r.HasExit);
        var finished = rows.Count(r => r.Finished);
        var withCritical = rows.Count(r => r.HasCritical);
        output.WriteLine($"== {title}: {rows.Count} levels");
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  with an exit: {withExit}; finished: {finished} ({Percent(finished, rows.Count)} of all, {Percent(rows.Count(r => r.Finished && r.HasExit), withExit)} of those with an exit)"));
        output.WriteLine($"  unreadable: {Count(LevelOutcome.Unreadable)}, timed out: {Count(LevelOutcome.TimedOut)}, crashed: {Count(LevelOutcome.Crashed)}");
        output.WriteLine($"  levels with a critical finding: {withCritical} ({Percent(withCritical, rows.Count)})");
        foreach (var group in rows.SelectMany(r => r.Criticals.Distinct().Select(c => (Kind: c, Row: r))).GroupBy(x => x.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var findings = rows.Sum(r => r.Criticals.Count(c => c == group.Key));
            output.WriteLine($"    {group.Key}: {group.Count()} levels, {findings} findings");
        }

        var times = measured.Select(r => r.Milliseconds).Order().ToList();
        if (times.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  time per level (read + checks + explore): median {Median(times):F0} ms, max {times[^1]:F0} ms, total {times.Sum() / 1000:F1} s"));
        }

        // A run cut by the tick limit is stopped by its time, whatever mechanic its exit finding names.
        output.WriteLine($"  unfinished runs that used the whole tick limit: {rows.Count(r => r.OutOfTicks)}");

        // Runs whose way to an exit the validator refutes: where the explorer and Doom's rules (as the validator reads
        // them) part. An aggregate by rule, so the blind split prints it too.
        var refuted = rows.Where(r => r.RefutedBy is not null).GroupBy(r => r.RefutedBy!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        output.WriteLine($"  runs to an exit the validator refutes: {refuted.Sum(g => g.Count())}{(refuted.Count == 0 ? "" : " (" + string.Join(", ", refuted.Select(g => $"{g.Key} {g.Count()}")) + ")")}");

        // Finishes that took the explorer a later attempt (its first trapped itself, or a large map's coarse grid missed a
        // way that 8-unit cells find): counted among the finishes.
        output.WriteLine($"  finished by a later attempt (a second seed or a run round the line after a trap, or 8-unit cells on a large map): {rows.Count(r => r.Finished && r.Attempts > 1)}");
        if (blind)
        {
            return;
        }

        var unfinished = rows.Where(r => !r.Finished && r.Outcome != LevelOutcome.Unreadable).ToList();
        output.WriteLine($"  unfinished, by what stopped them ({unfinished.Count}):");
        foreach (var group in unfinished.GroupBy(r => r.StoppedBy ?? r.Error ?? "?").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"    {group.Count(),3}  {group.Key}");
        }

        output.WriteLine("  slowest:");
        foreach (var r in measured.OrderByDescending(r => r.Milliseconds).Take(5))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {r.Milliseconds,8:F0} ms  {r.Source} {r.Level} ({r.Lines} lines, {r.Format})"));
        }
    }

    private int Count(LevelOutcome outcome) => rows.Count(r => r.Outcome == outcome);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1}%");

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
