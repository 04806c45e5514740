using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.ServiceDiscovery;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Api;

/// <summary>
/// A run's live progress from the Api's hub (<c>/hubs/runs</c>), with the signed-in person's key or access token: the
/// current state at once, then every update. One per page; disposing it leaves the hub.
/// </summary>
public sealed class RunProgressFeed(IConfiguration configuration, ServiceEndpointResolver resolver, ApiCredentials credentials) : IAsyncDisposable
{
    /// <summary>The Api's hub path.</summary>
    public const string HubPath = "/hubs/runs";

    private HubConnection? _connection;

    public async Task StartAsync(long runId, Func<RunProgressState, Task> onProgress, CancellationToken cancellationToken)
    {
        var credential = await credentials.CurrentAsync(cancellationToken);
        var hub = new Uri(await ApiAddressAsync(cancellationToken), HubPath);
        _connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                if (credential?.Key is { } key)
                {
                    options.Headers[RlgtApi.KeyHeader] = key;
                }
                else
                {
                    // Asked again at every (re)connection, so a reconnect after the token was renewed sends the new one.
                    options.AccessTokenProvider = async () => (await credentials.CurrentAsync())?.BearerToken;
                }
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions = RlgtApi.Json)
            .WithAutomaticReconnect()
            .Build();
        _connection.On<RunProgressState>("progress", onProgress);
        // After a reconnect the hub has forgotten the subscription.
        _connection.Reconnected += _ => _connection.InvokeAsync("Subscribe", runId, CancellationToken.None);
        await _connection.StartAsync(cancellationToken);
        await _connection.InvokeAsync("Subscribe", runId, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    // The hub connection does not go through HttpClient's service discovery handler, so the Api's address is resolved
    // here the same way ("https+http://api": HTTPS where the Api has it); a plain address is used as it is.
    private async Task<Uri> ApiAddressAsync(CancellationToken cancellationToken)
    {
        var configured = configuration["Api:BaseAddress"] ?? "https+http://api";
        if (!configured.Contains('+', StringComparison.Ordinal) && Uri.TryCreate(configured, UriKind.Absolute, out var plain))
        {
            return plain;
        }

        var source = await resolver.GetEndpointsAsync(configured, cancellationToken);
        return source.Endpoints.Select(e => e.EndPoint).FirstOrDefault() switch
        {
            UriEndPoint uri => uri.Uri,
            DnsEndPoint dns => new Uri($"http://{dns.Host}:{dns.Port}"),
            IPEndPoint ip => new Uri($"http://{ip}"),
            var other => throw new InvalidOperationException($"Service discovery gave no usable address for the Api ({configured}): {other}."),
        };
    }
}
