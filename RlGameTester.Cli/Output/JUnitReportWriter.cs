using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using RlGameTester.Cli.Checking;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Output;

/// <summary>
/// JUnit XML, as CI systems show test results: a test suite per level and a test case per check that ran on it (every
/// static check, the explorer's when it played, and any other check that found something). A case fails when the check
/// found something at or above --fail-on; its findings below the gate are in the case's output, so nothing is hidden.
/// </summary>
internal sealed class JUnitReportWriter : IReportWriter
{
    public void Write(CheckReport report, TextWriter output)
    {
        var wadName = Path.GetFileName(report.Wad);
        var suites = report.Levels.Select(level => Suite(report, level, wadName)).ToList();
        var root = new XElement("testsuites",
            new XAttribute("name", $"rlgt check {wadName}"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            new XAttribute("errors", 0),
            new XAttribute("time", Seconds(report.Levels.Sum(l => l.Milliseconds))),
            suites);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        writer.Flush();
        output.WriteLine();
    }

    private static XElement Suite(CheckReport report, LevelOutcome level, string wadName)
    {
        var checks = CheckCatalog.All.Select(d => d.Name)
            .Where(name => report.Explored || !CheckCatalog.ExplorerChecks.Contains(name))
            .Concat(level.Findings.Select(f => f.CheckName))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var cases = checks.Select(check => Case(report, level, wadName, check)).ToList();
        return new XElement("testsuite",
            new XAttribute("name", level.Level),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(level.Milliseconds)),
            cases);
    }

    private static XElement Case(CheckReport report, LevelOutcome level, string wadName, string check)
    {
        var found = level.Findings.Where(f => f.CheckName == check).ToList();
        var failing = found.Where(report.Fails).ToList();
        var testCase = new XElement("testcase", new XAttribute("classname", $"{wadName}.{level.Level}"), new XAttribute("name", check), new XAttribute("time", "0"));
        if (failing.Count > 0)
        {
            testCase.Add(new XElement("failure",
                new XAttribute("message", $"{failing.Count} finding(s) at or above {SnakeCase.Of(report.FailOn)}: {failing[0].Title}"),
                new XAttribute("type", SnakeCase.Of(failing.Min(f => f.Severity))),
                string.Join('\n', failing.Select(Line))));
        }

        var below = found.Except(failing).ToList();
        if (below.Count > 0)
        {
            testCase.Add(new XElement("system-out", string.Join('\n', below.Select(Line))));
        }

        return testCase;
    }

    private static string Line(CliFinding finding) =>
        $"[{SnakeCase.Of(finding.Severity)}] {finding.ElementText}{(finding.PlaceText is { } p ? " at " + p : "")}: {finding.Title}";

    private static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
