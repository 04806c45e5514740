using Microsoft.AspNetCore.Components.Server.Circuits;

namespace RlGameTester.Web.Signing;

/// <summary>
/// Tells the circuit's <see cref="ApiCredentials"/> it serves a circuit: there the person is the circuit's
/// authentication state, not whatever request the HttpContext accessor may still hold.
/// </summary>
internal sealed class CircuitCredentials(ApiCredentials credentials) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        credentials.InCircuit = true;
        return Task.CompletedTask;
    }
}
