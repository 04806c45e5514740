using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Reports what the reader loaded past (<see cref="Level.ReadProblems"/>: unknown UDMF keys, values of the wrong kind,
/// repaired references, ...) as findings placed at their element.
/// </summary>
internal static class ReadProblemChecks
{
    public static void Run(CheckContext c)
    {
        int[]? lineOfSide = null;
        foreach (var problem in c.Level.ReadProblems)
        {
            switch (problem.Element, problem.Index)
            {
                case (ElementKind.Line, { } line):
                    c.ReportLine(problem.Check, problem.Severity, line, problem.Message);
                    break;
                case (ElementKind.Side, { } side):
                    lineOfSide ??= LinesOfSides(c.Level);
                    var (x, y) = lineOfSide[side] >= 0
                        ? c.Geometry.Midpoint(lineOfSide[side])
                        : (c.Geometry.Bounds.CenterX, c.Geometry.Bounds.CenterY);
                    c.Report(problem.Check, problem.Severity, problem.Message, ElementKind.Side, side, x, y);
                    break;
                case (ElementKind.Sector, { } sector):
                    c.ReportSector(problem.Check, problem.Severity, sector, problem.Message);
                    break;
                case (ElementKind.Thing, { } thing):
                    c.ReportThing(problem.Check, problem.Severity, thing, problem.Message);
                    break;
                case (ElementKind.Vertex, { } vertex):
                    var v = c.Level.Vertices[vertex];
                    c.Report(problem.Check, problem.Severity, problem.Message, ElementKind.Vertex, vertex, v.X, v.Y);
                    break;
                default:
                    c.ReportLevel(problem.Check, problem.Severity, problem.Message);
                    break;
            }
        }
    }

    // The first line each sidedef belongs to (-1 for a sidedef no line uses), for placing a sidedef's finding.
    private static int[] LinesOfSides(Level level)
    {
        var result = new int[level.Sidedefs.Length];
        Array.Fill(result, -1);
        for (var i = level.Linedefs.Length - 1; i >= 0; i--)
        {
            var line = level.Linedefs[i];
            if (line.BackSide >= 0)
            {
                result[line.BackSide] = i;
            }

            if (line.FrontSide >= 0)
            {
                result[line.FrontSide] = i;
            }
        }

        return result;
    }
}
