namespace Consultation.Browser.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by the Playwright driver that ships in the NuGet package.
/// Playwright never downloads a browser here: it is always given this executable.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium package (tests/run.sh does).");

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Three cameras: the second is a depth camera (no picture a call can send, as a laptop's infrared one).
                "--use-fake-device-for-media-stream=device-count=3",
                "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        playwright?.Dispose();
    }
}
