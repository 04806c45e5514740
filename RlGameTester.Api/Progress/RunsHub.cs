using Microsoft.AspNetCore.SignalR;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Api.Progress;

/// <summary>
/// Live run progress over WebSocket (SignalR) at <c>/hubs/runs</c>: a client calls <c>Subscribe(runId)</c>,
/// gets the current state at once as a <c>progress</c> message, then every update until it unsubscribes.
/// </summary>
internal sealed class RunsHub(RunChannels channels) : Hub
{
    public const string ProgressMethod = "progress";

    public static string Group(long runId) => $"run-{runId}";

    public async Task Subscribe(long runId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(runId), Context.ConnectionAborted);
        var current = await channels.GetProgressAsync(runId);
        if (current is not null)
        {
            await Clients.Caller.SendAsync(ProgressMethod, current, Context.ConnectionAborted);
        }
    }

    public Task Unsubscribe(long runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(runId), Context.ConnectionAborted);
}
