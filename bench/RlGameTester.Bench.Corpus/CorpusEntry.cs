namespace RlGameTester.Bench.Corpus;

/// <summary>One level of <c>.corpus/levels.tsv</c>, as <c>scripts/corpus.sh</c> writes it.</summary>
internal sealed record CorpusEntry(string File, string Level, string Source, string Split, bool Deathmatch, string Format)
{
    private const string Header = "file\tlevel\tsource\tsplit\tplay\tformat";

    /// <summary>Reads the list; paths in it are relative to <paramref name="repoRoot"/>.</summary>
    public static IReadOnlyList<CorpusEntry> Load(string listPath, string repoRoot)
    {
        var lines = System.IO.File.ReadAllLines(listPath);
        if (lines.Length == 0 || !lines[0].StartsWith(Header, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{listPath} does not start with the header '{Header}': run scripts/corpus.sh again.");
        }

        return lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split('\t');
            return new CorpusEntry(Path.Combine(repoRoot, f[0]), f[1], f[2], f[3], f[4] == "deathmatch", f[5]);
        }).ToList();
    }
}
