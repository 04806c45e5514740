using System.Diagnostics;
using System.Security.Cryptography;

namespace RlGameTester.AppHost.Infrastructure;

/// <summary>
/// Creates and runs a PostgreSQL cluster from the machine's server binaries. PostgreSQL refuses to run as
/// root, so as root the cluster belongs to the <c>postgres</c> system user and every server command runs
/// through <c>runuser -u postgres --</c>; as a normal user it runs directly.
/// </summary>
internal sealed class LocalPostgresSetup(LocalSettings settings)
{
    private const string ServiceUser = "postgres";

    private readonly bool _asRoot = Environment.UserName == "root";
    private readonly string _bin = FindBinDirectory(settings.PostgresBin);
    private readonly string _clusterDirectory = Path.Combine(settings.DataDirectory, "postgres");
    private readonly string _passwordFile = Path.Combine(settings.DataDirectory, "postgres-password");

    /// <summary>
    /// The executable the resource starts: a shell that replaces itself with the server (or <c>runuser</c> in front of
    /// it) with standard error joined to standard output. PostgreSQL writes its whole routine log to standard error,
    /// which the dashboard would show as a column of red error lines on every start.
    /// </summary>
    public static string Command => "/bin/sh";

    public void AddArguments(IList<object> args, EndpointReference endpoint)
    {
        object[] shell = ["-c", "exec \"$@\" 2>&1", "postgres"];
        object[] prefix = _asRoot ? [.. shell, "runuser", "-u", ServiceUser, "--", Path.Combine(_bin, "postgres")] : [.. shell, Path.Combine(_bin, "postgres")];
        foreach (var argument in prefix.Concat([
            "-D", _clusterDirectory,
            "-p", endpoint.Property(EndpointProperty.TargetPort),
            "-c", "listen_addresses=127.0.0.1",
            // No Unix socket: its default folder may not exist or be writable here; TCP on loopback is enough.
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
        ]))
        {
            args.Add(argument);
        }
    }

    /// <summary>
    /// The health probe: connects only once the server's <c>postmaster.pid</c> says <c>ready</c>. A connection made
    /// while the server is still starting (recovery, first checkpoint) is refused with a FATAL line in the server's
    /// log, which a newcomer's first start would show as a failure.
    /// </summary>
    public async Task ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var status = await ServerStatusAsync(cancellationToken);
        if (status != "ready")
        {
            throw new InvalidOperationException($"the server says it is {status ?? "not started"} (postmaster.pid)");
        }
        await ServerProbe.Postgres(connectionString, cancellationToken);
    }

    /// <summary>Line 8 of <c>postmaster.pid</c> (PostgreSQL 10 and later): starting, ready, standby or stopping; null without the file.</summary>
    private async Task<string?> ServerStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(_clusterDirectory, "postmaster.pid"), cancellationToken);
            return lines.Length >= 8 ? lines[7].Trim() : "starting";
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The superuser password, made once and kept beside the data (git-ignored, mode 600).</summary>
    public string EnsurePassword()
    {
        if (File.Exists(_passwordFile))
        {
            return File.ReadAllText(_passwordFile).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(_passwordFile, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return password;
    }

    /// <summary>Runs <c>initdb</c> once; later starts reuse the cluster and its data.</summary>
    public async Task EnsureClusterAsync(string password, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(_clusterDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(_clusterDirectory);
        if (!OperatingSystem.IsWindows())
        {
            // initdb insists that the cluster folder is private to its owner.
            File.SetUnixFileMode(_clusterDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var passwordCopy = Path.Combine(Path.GetTempPath(), $"rlgt-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordCopy, password, cancellationToken);
        try
        {
            if (_asRoot)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", _clusterDirectory, passwordCopy], cancellationToken);
                await RunAsync("runuser", ["-u", ServiceUser, "--", "test", "-w", _clusterDirectory], cancellationToken,
                    failure: $"The postgres user cannot reach {_clusterDirectory}: set Infrastructure:Local:DataDirectory to a folder outside a private home directory.");
            }

            string[] initdb = [
                Path.Combine(_bin, "initdb"), "-D", _clusterDirectory, "-U", "postgres", "-E", "UTF8", "--no-locale",
                "--auth-host=scram-sha-256", "--auth-local=peer", $"--pwfile={passwordCopy}",
            ];
            if (_asRoot)
            {
                await RunAsync("runuser", ["-u", ServiceUser, "--", .. initdb], cancellationToken);
            }
            else
            {
                await RunAsync(initdb[0], initdb[1..], cancellationToken);
            }
        }
        finally
        {
            File.Delete(passwordCopy);
        }
    }

    private static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken, string? failure = null)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                failure ?? $"{command} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>
    /// The configured bin folder, else the newest <c>/usr/lib/postgresql/N/bin</c> (Debian's layout), else
    /// the folder of a <c>postgres</c> found on PATH.
    /// </summary>
    private static string FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(directory => (directory, version: int.TryParse(Path.GetFileName(directory), out var v) ? v : -1))
                .Where(candidate => File.Exists(Path.Combine(candidate.directory, "bin", "postgres")))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => Path.Combine(candidate.directory, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "postgres")));
        return onPath ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found: install Debian's postgresql package (scripts/setup.sh does) or set Infrastructure:Local:PostgresBin.");
    }
}
