using RlGameTester.Domain.Frames;

namespace RlGameTester.Analysis.Frames;

/// <summary>One recorded frame of a run.</summary>
/// <param name="Tick">Game tick (35 a second).</param>
/// <param name="Image">The encoded picture (PNG or JPEG).</param>
/// <param name="AgentActing">Whether the agent acted since the previous frame (moved, turned, fired or used).</param>
/// <param name="Rendered">The project's renderer's note, when it drew the frame (<see cref="RenderedFrameGate"/>).</param>
internal readonly record struct RunFrame(int Tick, ReadOnlyMemory<byte> Image, bool AgentActing, RendererNote? Rendered = null);
