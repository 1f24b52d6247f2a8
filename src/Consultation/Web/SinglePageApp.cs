using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Consultation.Web;

public static class SinglePageApp
{
    /// <summary>
    /// Unknown pages get the web app (it routes in the browser); unknown API paths get a 404 problem, never HTML.
    /// </summary>
    public static void MapSinglePageApp(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", () => Problems.Of(StatusCodes.Status404NotFound, "not_found",
            "There is no such API endpoint. Check the address against /openapi/v1.json."));
        app.MapFallbackToFile("index.html");
    }
}
