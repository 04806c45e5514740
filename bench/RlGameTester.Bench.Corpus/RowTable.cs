using System.Globalization;

namespace RlGameTester.Bench.Corpus;

/// <summary>Prints one line per level: where it is from, what it is, whether it was finished and what was found.</summary>
internal static class RowTable
{
    public static void Print(TextWriter output, IEnumerable<LevelMeasurement> rows)
    {
        output.WriteLine("source                 split    file                     level     format  lines p1 exit finished  ms       criticals | exit finding | what stopped it");
        foreach (var r in rows)
        {
            var finished = r.Outcome switch
            {
                LevelOutcome.Unreadable => "UNREAD",
                LevelOutcome.TimedOut => "TIMEOUT",
                LevelOutcome.Crashed => "CRASH",
                _ => r.Finished ? (r.SecretExit ? "secret" : "yes") : "no",
            };
            var criticals = r.Criticals.Count == 0 ? "-" : string.Join(", ", r.Criticals.GroupBy(c => c).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}"));
            var tail = string.Join(" | ", new[] { criticals, r.ExitFinding ?? "-", r.StoppedBy ?? r.Error ?? "-" });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Source,-22} {r.Split,-8} {Shorten(r.File, 24),-24} {r.Level,-9} {r.Format,-6} {r.Lines,6} {Mark(r.HasPlayer1Start),2} {Mark(r.HasExit),4} {finished,-8} {r.Milliseconds,8:F0}  {tail}"));
            if (r.Error is not null && r.Outcome is LevelOutcome.Unreadable or LevelOutcome.Crashed)
            {
                output.WriteLine($"    {r.Error}");
            }
        }
    }

    private static string Mark(bool value) => value ? "y" : "n";

    private static string Shorten(string path, int width) => path.Length <= width ? path : "..." + path[^(width - 3)..];
}
