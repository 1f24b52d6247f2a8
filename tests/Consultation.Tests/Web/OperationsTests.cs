using System.Net;
using Consultation.Tests.Infrastructure;

namespace Consultation.Tests.Web;

public sealed class OperationsTests
{
    [Fact]
    public async Task Health_endpoints_answer_when_the_database_is_reachable()
    {
        using var app = new TestApp();
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_account_endpoints()
    {
        using var app = new TestApp();

        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/account/login", document);
        Assert.Contains("/api/admin/accounts", document);
    }
}
