using System.Diagnostics;

namespace Consultation.Tests.Web;

/// <summary>The real server process, started with a bad setting, as an operator would meet it.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Oracle", "x", "Database:Provider is 'Oracle', which is not supported: set it to Sqlite, SqlServer or PostgreSql.")]
    [InlineData("PostgreSql", "", "ConnectionStrings:Consultation is missing: set it to the PostgreSql connection string.")]
    [InlineData("SqlServer", "", "ConnectionStrings:Consultation is missing: set it to the SqlServer connection string.")]
    public async Task A_wrong_database_setting_stops_the_app_with_one_line_naming_the_setting(string provider, string connection, string line)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider,
                ["ConnectionStrings__Consultation"] = connection,
            },
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"Consultation cannot start: {line}", (await error).Trim());
    }
}
