using System.Text.Json;
using Consultation.Items;

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

    [Fact]
    public void The_example_settings_file_names_the_database_settings()
    {
        var example = Example();

        Assert.Equal("Sqlite", example.GetProperty("Database").GetProperty("Provider").GetString());
        Assert.True(example.GetProperty("ConnectionStrings").TryGetProperty("Consultation", out _));
    }
}
