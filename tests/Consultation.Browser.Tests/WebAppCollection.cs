namespace Consultation.Browser.Tests;

/// <summary>All browser tests share one server and one Chromium; each test has its own browser context.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<ServerFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "web app";
}
