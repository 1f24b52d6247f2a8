using Consultation.Accounts;
using Consultation.Data;
using Consultation.Deputies;
using Consultation.Home;
using Consultation.Items;
using Consultation.Jobs;
using Consultation.Visits;
using Consultation.Notifications;
using Consultation.Outcomes;
using Consultation.Units;
using Consultation.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation;

/// <summary>The application's table of contents: each feature adds its services and maps its endpoints.</summary>
public static class ConsultationSetup
{
    public static IHostApplicationBuilder AddConsultation(this IHostApplicationBuilder builder)
    {
        builder.AddConsultationWeb();
        builder.AddConsultationData();
        builder.AddConsultationAccounts();
        builder.Services.Configure<DeadlineSettings>(builder.Configuration.GetSection("Deadlines"));
        builder.Services.AddSignalR();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<ItemDesk>();
        builder.AddAttachments();
        builder.AddNotificationChannels();
        builder.Services.AddScoped<EffectLedger>();
        builder.Services.Configure<VisitSettings>(builder.Configuration.GetSection("Visits"));
        builder.AddConsultationJobs();
        builder.Services.AddScoped<JobScheduler>();
        return builder;
    }

    public static void MapConsultation(this IEndpointRouteBuilder app)
    {
        app.MapAccount();
        app.MapAdminAccounts();
        app.MapUnits();
        app.MapDeputies();
        app.MapHome();
        app.MapItems();
        app.MapSubmission();
        app.MapOffice();
        app.MapHandling();
        app.MapImport();
        app.MapAttachments();
        app.MapEvaluation();
        app.MapNotifications();
        app.MapVisits();
        app.MapVisitRequests();
        app.MapProfile();
        app.MapNotificationPolicy();
        app.MapSessions();
    }
}
