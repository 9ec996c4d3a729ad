using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Levy.Web.Tests.Page;

/// <summary>The real server on a free port of 127.0.0.1 (Kestrel, since a browser needs a socket) and Debian's Chromium
/// driven by Playwright, shared by the page tests. Screenshots go to <c>artifacts/e2e/</c> at the repository root.</summary>
/// <remarks>Chromium is <c>/usr/bin/chromium</c> (installed by <c>.ci/run</c>) unless <c>LEVY_CHROMIUM</c> names another;
/// Playwright's own browser download is not used. Each run gets a fresh user-data-dir. Without Chromium the page tests
/// report themselves skipped, with the reason and the install command, unless <c>LEVY_REQUIRE_BROWSER=1</c> (set by
/// <c>.ci/run</c>), which makes a missing browser a failure.</remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly KestrelFactory _server = new();
    private readonly string _profile = Directory.CreateTempSubdirectory("levy-chromium-").FullName;
    private IPlaywright? _playwright;

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The browser context (one profile for the run).</summary>
    public IBrowserContext Browser { get; private set; } = null!;

    /// <summary>The environment variable that makes a missing browser a failure instead of a skip.</summary>
    public const string RequireVariable = "LEVY_REQUIRE_BROWSER";

    /// <summary>The Chromium binary used.</summary>
    public static string Chromium { get; } = Environment.GetEnvironmentVariable("LEVY_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null when Chromium is present.</summary>
    public static string? Missing { get; } = File.Exists(Chromium) ? null
        : $"Chromium is not installed ({Chromium} not found), so the browser tests of the page are skipped. Install it with "
            + "`sudo apt-get install chromium` (Debian/Ubuntu), or set LEVY_CHROMIUM to a Chromium binary; .ci/run installs it and "
            + $"requires these tests ({RequireVariable}=1).";

    /// <summary>Skips the calling test where Chromium is missing, or fails it where the browser is required.</summary>
    public static void RequireBrowser()
    {
        if (Missing is null)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable(RequireVariable) == "1", Missing);
        Assert.Skip(Missing);
    }

    /// <summary>Where screenshots are written.</summary>
    public static string ArtifactFolder { get; } = Path.Combine(LevyWebFactory.RepositoryRoot, "artifacts", "e2e");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        if (Missing is not null)
        {
            return; // each test skips (or fails, where required) with the reason
        }

        Assertions.SetDefaultExpectTimeout(20_000);
        LevyWebFactory.Data.Archive.LoadAll(); // what the server's warm-up does; histories read every revision
        _server.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        string address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Assert.Equal("127.0.0.1", BaseAddress.Host);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        Directory.CreateDirectory(ArtifactFolder);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Missing is null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is cleaned by the system.
        }
    }

    /// <summary>The web host on Kestrel.</summary>
    private sealed class KestrelFactory : LevyWebFactory;
}

/// <summary>The page tests share one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
