using System.Globalization;

namespace RlGameTester.Bench.Corpus;

/// <summary>
/// The command line: <c>[--split tuning|heldout|all] [--source NAME] [--level NAME] [--json FILE] [--timeout SECONDS]
/// [--unblind] [--corpus DIR]</c>. The held-out split prints aggregates only unless <c>--unblind</c> is given, so that
/// measuring it never shows what a tuner must not see.
/// </summary>
internal sealed record CorpusOptions(
    string Split, string? Source, string? Level, string? JsonPath, TimeSpan Timeout, bool Unblind, string CorpusFolder)
{
    public static readonly string[] Splits = ["tuning", "heldout", "all"];

    /// <summary>Aggregates only: the held-out split without <c>--unblind</c>.</summary>
    public bool Blind => !Unblind && Split != "tuning";

    public static CorpusOptions Parse(string[] args, string repoRoot)
    {
        var split = "tuning";
        string? source = null, level = null, json = null;
        var timeout = TimeSpan.FromSeconds(60);
        var unblind = false;
        var corpus = Path.Combine(repoRoot, ".corpus");
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--split":
                    split = Next();
                    if (!Splits.Contains(split))
                    {
                        throw new ArgumentException($"--split must be one of {string.Join(", ", Splits)}, not '{split}'.");
                    }

                    break;
                case "--source":
                    source = Next();
                    break;
                case "--level":
                    level = Next();
                    break;
                case "--json":
                    json = Next();
                    break;
                case "--timeout":
                    timeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--unblind":
                    unblind = true;
                    break;
                case "--corpus":
                    corpus = Next();
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: [--split tuning|heldout|all] [--source NAME] [--level NAME] [--json FILE] [--timeout SECONDS] [--unblind] [--corpus DIR]");
            }
        }

        return new CorpusOptions(split, source, level, json, timeout, unblind, corpus);
    }

    public bool Selects(CorpusEntry entry) =>
        (Split == "all" || entry.Split == Split)
        && (Source is null || entry.Source.Equals(Source, StringComparison.OrdinalIgnoreCase))
        && (Level is null || entry.Level.Equals(Level, StringComparison.OrdinalIgnoreCase));
}
