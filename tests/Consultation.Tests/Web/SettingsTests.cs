using System.Globalization;
using System.Text.Json;
using Consultation.Data;
using Consultation.Items;
using Microsoft.Extensions.Configuration;

namespace Consultation.Tests.Web;

public sealed class SettingsTests
{
    private static JsonElement Example()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "appsettings.example.json")))
            folder = folder.Parent ?? throw new FileNotFoundException("appsettings.example.json is missing at the top of the repository.");
        var text = File.ReadAllText(Path.Combine(folder.FullName, "appsettings.example.json"));
        return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;
    }

    [Fact]
    public void The_example_settings_file_lists_every_deadline_with_its_default()
    {
        var deadlines = Example().GetProperty("Deadlines");
        var defaults = new DeadlineSettings();

        foreach (var property in typeof(DeadlineSettings).GetProperties())
            Assert.Equal((int)property.GetValue(defaults)!, deadlines.GetProperty(property.Name).GetInt32());
    }

    [Theory]
    [InlineData("Visits", typeof(Consultation.Visits.VisitSettings))]
    [InlineData("Calls", typeof(Consultation.Calls.CallSettings))]
    [InlineData("Jobs", typeof(Consultation.Jobs.JobSettings))]
    public void The_example_settings_file_lists_every_setting_of_a_section_with_its_default(string section, Type settings)
    {
        var example = Example().GetProperty(section);
        var defaults = Activator.CreateInstance(settings)!;

        foreach (var property in settings.GetProperties())
        {
            Assert.True(example.TryGetProperty(property.Name, out var value), $"{section}:{property.Name} is missing from appsettings.example.json");
            var expected = property.GetValue(defaults);
            object? actual = expected switch
            {
                TimeSpan => TimeSpan.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                int => value.GetInt32(),
                bool => value.GetBoolean(),
                string => value.GetString(),
                string[] => value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
                _ => throw new InvalidOperationException($"{property.PropertyType} is not compared"),
            };
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void The_example_settings_file_names_the_database_settings()
    {
        var example = Example();

        Assert.Equal("Sqlite", example.GetProperty("Database").GetProperty("Provider").GetString());
        Assert.Equal(DatabaseSettings.DefaultStaleMigrationLockAfter,
            TimeSpan.Parse(example.GetProperty("Database").GetProperty("StaleMigrationLockAfter").GetString()!, CultureInfo.InvariantCulture));
        Assert.True(example.GetProperty("ConnectionStrings").TryGetProperty("Consultation", out _));
    }

    [Theory]
    [InlineData("00:30:00", null)]
    [InlineData("ten minutes", "Database:StaleMigrationLockAfter is 'ten minutes': set it to a time longer than any migration takes")]
    [InlineData("00:00:00", "Database:StaleMigrationLockAfter is '00:00:00'")]
    public void The_stale_migration_lock_age_is_read_or_stops_the_app_with_what_to_do(string value, string? error)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:StaleMigrationLockAfter"] = value }).Build();
        var contentRoot = Directory.CreateTempSubdirectory().FullName;

        if (error is null)
            Assert.Equal(TimeSpan.FromMinutes(30), DatabaseSettings.Read(configuration, contentRoot).StaleMigrationLockAfter);
        else
            Assert.StartsWith(error, Assert.Throws<StartupSettingException>(() => DatabaseSettings.Read(configuration, contentRoot)).Message);
    }
}
