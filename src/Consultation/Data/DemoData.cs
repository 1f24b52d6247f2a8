namespace Consultation.Data;

internal static class DemoData
{
    public static Task SeedAsync(IServiceProvider services) => Task.CompletedTask;
}
