using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Asks the configured LLM to write a report from the evidence, within the configured timeout, and checks its
/// answer. Never throws for the LLM's sake: every failure comes back as a reason for the templates to state.
/// </summary>
/// <param name="endpoint">The LLM; null (not registered) when no <c>llm</c> connection string is configured.</param>
internal sealed partial class LlmReportAuthor(IOptions<ReportOptions> options, ILogger<LlmReportAuthor> logger, LlmEndpoint? endpoint = null)
{
    public const string NotConfigured = "no llm connection string configured";

    private const string TimedOut = "LLM timed out after";
    private const string AnsweredHttp = "LLM answered HTTP";
    private const string Unreachable = "LLM could not be reached";
    private const string CallFailed = "LLM call failed";

    public bool IsConfigured => endpoint is not null;

    /// <summary>Whether a fallback reason says the LLM itself is unavailable (timed out, an HTTP error, unreachable), not that one answer was bad.</summary>
    public static bool IsUnavailable(string fallbackReason) =>
        fallbackReason.StartsWith(TimedOut, StringComparison.Ordinal)
        || fallbackReason.StartsWith(AnsweredHttp, StringComparison.Ordinal)
        || fallbackReason.StartsWith(Unreachable, StringComparison.Ordinal)
        || fallbackReason.StartsWith(CallFailed, StringComparison.Ordinal);

    public async Task<LlmOutcome> WriteAsync(ReportEvidence evidence, CancellationToken cancellationToken)
    {
        if (endpoint is null)
        {
            return LlmOutcome.Failed(NotConfigured);
        }

        using var activity = ReportTelemetry.ActivitySource.StartActivity("report.llm", ActivityKind.Client);
        activity?.SetTag("gen_ai.request.model", endpoint.Model);
        activity?.SetTag("rlgt.report.subject", evidence.Subject.ToString());
        var timeout = options.Value.LlmTimeout;
        var history = new ChatHistory();
        history.AddSystemMessage(LlmPrompt.System);
        history.AddUserMessage(LlmPrompt.User(evidence));
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0.2,
            MaxTokens = options.Value.LlmMaxTokens,
            ResponseFormat = "json_object",
        };

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        string? content;
        string model;
        try
        {
            var reply = await endpoint.Chat.GetChatMessageContentAsync(history, settings, kernel: null, limit.Token);
            content = reply.Content;
            model = reply.ModelId is { Length: > 0 } answered ? answered : endpoint.Model;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpOperationException && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fail(activity, $"{TimedOut} {Seconds(timeout)} s");
        }
        catch (HttpOperationException e) when (e.StatusCode is { } status)
        {
            return Fail(activity, $"{AnsweredHttp} {(int)status}{Detail(e.ResponseContent)}");
        }
        catch (HttpOperationException e)
        {
            return Fail(activity, $"{Unreachable}: {(e.InnerException ?? e).Message}");
        }
        catch (HttpRequestException e)
        {
            return Fail(activity, $"{Unreachable}: {e.Message}");
        }
        catch (KernelException e)
        {
            return Fail(activity, $"{CallFailed}: {e.Message}");
        }

        var reading = LlmAnswerReader.Read(content, evidence);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (reading.Prose is null)
        {
            return Fail(activity, reading.Problem!, model);
        }

        activity?.SetTag("rlgt.report.cited", reading.Cited.Count);
        LogWritten(logger, model, elapsed.TotalSeconds, reading.Cited.Count);
        return new LlmOutcome(reading.Prose, reading.Cited, model, null);
    }

    private LlmOutcome Fail(Activity? activity, string reason, string? model = null)
    {
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        LogFellBack(logger, reason);
        return LlmOutcome.Failed(reason, model);
    }

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString(timeout.TotalSeconds % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);

    /// <summary>The start of the server's error body, which usually says why (": model not found").</summary>
    private static string Detail(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        var text = body.ReplaceLineEndings(" ").Trim();
        return ": " + (text.Length <= 200 ? text : text[..199] + "…");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM {Model} wrote a report in {Seconds:0.0} s citing {Cited} finding(s)")]
    private static partial void LogWritten(ILogger logger, string model, double seconds, int cited);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM report not used, the templates write it: {Reason}")]
    private static partial void LogFellBack(ILogger logger, string reason);
}
