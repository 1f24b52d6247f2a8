using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Consultation.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server (Debian's postgresql package) in a temporary folder on a free loopback
/// port, started for a test collection and removed afterwards.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"consultation-pg-{Guid.NewGuid():N}");
    private int _port;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=false";

    public async Task InitializeAsync()
    {
        var bin = FindBinDirectory();
        _port = FreePort();
        Directory.CreateDirectory(_folder);
        await AsPostgres("chown", $"postgres {_folder}", asRoot: true);
        await AsPostgres(Path.Combine(bin, "initdb"), $"-D {_folder}/data -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8");
        await AsPostgres(Path.Combine(bin, "pg_ctl"),
            $"-D {_folder}/data -l {_folder}/server.log -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c fsync=off -c synchronous_commit=off\" start");
    }

    public async Task DisposeAsync()
    {
        var bin = FindBinDirectory();
        await AsPostgres(Path.Combine(bin, "pg_ctl"), $"-D {_folder}/data -m immediate -w stop");
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static string FindBinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
              ?? throw new InvalidOperationException("PostgreSQL's initdb was not found: run tests/run.sh, which installs postgresql.")
            : throw new InvalidOperationException("PostgreSQL is not installed: run tests/run.sh, which installs postgresql.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>PostgreSQL refuses to run as root, so as root the commands run as the postgres user.</summary>
    private static async Task AsPostgres(string program, string arguments, bool asRoot = false)
    {
        var root = Environment.UserName == "root";
        if (asRoot && !root)
            return;
        var start = root && !asRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output}{await error}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
