using RlGameTester.Data;

namespace RlGameTester.Api.Security;

/// <summary>
/// The command line that makes a deployment's first key, with the same settings as the service (connection string,
/// migrations): <c>RlGameTester.Api keys create --name NAME --role ROLE [--role ROLE]</c> prints the key once.
/// </summary>
internal static class KeyCommand
{
    public const string Usage = "usage: RlGameTester.Api keys create --name NAME --role reader|tester|admin|service [--role ...]";

    public static bool Matches(string[] args) => args is ["keys", ..];

    /// <summary>Runs the command; its exit code (0 made, 2 usage).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["keys", "create", .. var options] || Option(options, "--name") is not { Length: > 0 and <= 100 } name)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (Roles.Normalize(Options(options, "--role"), out var reason) is not { } roles)
        {
            await Console.Error.WriteLineAsync($"{reason}\n{Usage}");
            return 2;
        }

        // The service's own settings and database, without its web server: the migrations run first, as on a start.
        var builder = Host.CreateApplicationBuilder([.. args.SkipWhile(a => a != "--").Skip(1)]);
        builder.AddRlgtDatabase();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ApiKeyStore>();
        using var host = builder.Build();
        await host.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (row, key) = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name, roles, CancellationToken.None);
            Console.WriteLine($"key {row.Id} '{row.Name}' ({row.Roles}): {key}");
            Console.WriteLine("It is shown this once; keep it in a secret store.");
        }

        await host.StopAsync();
        return 0;
    }

    private static string? Option(string[] options, string name) => Options(options, name).LastOrDefault();

    private static IEnumerable<string> Options(string[] options, string name)
    {
        for (var i = 0; i + 1 < options.Length; i++)
        {
            if (options[i] == name)
            {
                yield return options[i + 1];
            }
        }
    }
}
