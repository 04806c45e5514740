namespace RlGameTester.Analysis.Frames;

/// <summary>One recorded frame of a run.</summary>
/// <param name="Tick">Game tick (35 a second).</param>
/// <param name="Image">The encoded picture (PNG or JPEG).</param>
/// <param name="AgentActing">Whether the agent acted since the previous frame (moved, turned, fired or used).</param>
internal readonly record struct RunFrame(int Tick, ReadOnlyMemory<byte> Image, bool AgentActing);
