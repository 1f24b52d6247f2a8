using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Consultation.Web;

public static class SinglePageApp
{
    /// <summary>
    /// Unknown pages get the web app (it routes in the browser). API and hub paths are left out, so an
    /// unknown one is a 404 problem, never HTML.
    /// </summary>
    public static void MapSinglePageApp(this IEndpointRouteBuilder app) =>
        app.MapFallbackToFile("{**path:nonfile:regex(^(?!api/|hubs/|health/|openapi/).*$)}", "index.html");
}
