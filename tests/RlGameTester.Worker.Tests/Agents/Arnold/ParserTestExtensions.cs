using System.Text;
using RlGameTester.Domain.Events;
using RlGameTester.Worker.Agents.Arnold;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

internal static class ParserTestExtensions
{
    /// <summary>Parses the reader's text as the Worker parses a stream of it: UTF-8 through the parser's own line reader.</summary>
    public static IEnumerable<TelemetryEvent> Parse(this ArnoldLogParser parser, TextReader reader) =>
        parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd())));
}
