namespace RlGameTester.Api.Security;

/// <summary>
/// The first key, for local use: where <c>Authentication:BootstrapKeyFile</c> is set (the AppHost sets it to
/// <c>.data/api-key</c> in local mode), makes an admin key at start unless the file already holds a live one, and
/// writes it there (mode 600) for <c>scripts/run.sh</c> to print. Deployments leave it unset and make keys with the
/// command line (<c>RlGameTester.Api keys create</c>).
/// </summary>
internal sealed partial class BootstrapKey(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<BootstrapKey> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["Authentication:BootstrapKeyFile"] is not { Length: > 0 } file)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
        if (File.Exists(file) && await store.IsLiveAdminAsync((await File.ReadAllTextAsync(file, cancellationToken)).Trim(), cancellationToken))
        {
            return;
        }

        var (row, key) = await store.CreateAsync("development", Roles.Admin, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, key + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogCreated(logger, row.Prefix, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the development admin key {Prefix} and wrote it to {File}")]
    private static partial void LogCreated(ILogger logger, string prefix, string file);
}
