using System.Runtime.CompilerServices;

// The frame benchmark times the internal engine itself (the project file grants the generic RlGameTester.Bench name only).
[assembly: InternalsVisibleTo("RlGameTester.Bench.Frames")]

// The frame evaluation runs the checks on rendered clips (bench/frame-eval.sh).
[assembly: InternalsVisibleTo("RlGameTester.Bench.FrameEval")]
