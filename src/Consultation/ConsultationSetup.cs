using Consultation.Accounts;
using Consultation.Calls;
using Consultation.Data;
using Consultation.Deputies;
using Consultation.Home;
using Consultation.Items;
using Consultation.Jobs;
using Consultation.Visits;
using Consultation.Notifications;
using Consultation.Outcomes;
using Consultation.Review;
using Consultation.ScaleOut;
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
        // Enough for an SDP offer with many candidates; larger messages close that one connection.
        builder.AddScaleOut(builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024).AddMessagePackProtocol());
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<ItemDesk>();
        builder.AddAttachments();
        builder.AddNotificationChannels();
        builder.Services.AddScoped<EffectLedger>();
        builder.Services.Configure<VisitSettings>(builder.Configuration.GetSection("Visits"));
        builder.AddConsultationJobs();
        builder.AddCalls();
        builder.Services.AddScoped<JobScheduler>();
        builder.Services.AddScoped<VisitEvents>();
        builder.Services.AddScoped<IRetryRule, VisitRetryRule>();
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
        app.MapVisitRecords();
        app.MapCalls();
        app.MapVisitRequests();
        app.MapProfile();
        app.MapNotificationPolicy();
        app.MapSessions();
        app.MapReview();
    }
}
