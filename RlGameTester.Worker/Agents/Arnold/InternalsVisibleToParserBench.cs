using System.Runtime.CompilerServices;

// The parser benchmark (bench/RlGameTester.Bench.Parser) times the internal parser directly. Kept beside the parser
// so this feature's files stay in its folder; it could move to the csproj's InternalsVisibleTo items.
[assembly: InternalsVisibleTo("RlGameTester.Bench.Parser")]
