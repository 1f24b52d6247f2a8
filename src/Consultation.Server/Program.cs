using Consultation;
using Consultation.Calls;
using Consultation.Data;
using Consultation.Jobs;
using Consultation.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConsultation();

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseCallConnectionsWithoutCookies();

    app.MapOperations();
    app.MapConsultation();
    app.MapJobsDashboard();
    app.MapSinglePageApp();

    await app.PrepareDatabaseAsync();
    app.StartConsultationJobs();
    await app.RunAsync();
    return 0;
}
catch (StartupSettingException e)
{
    // One line that names the setting to fix, instead of a stack trace.
    Console.Error.WriteLine($"Consultation cannot start: {e.Message}");
    return 1;
}

public partial class Program;
