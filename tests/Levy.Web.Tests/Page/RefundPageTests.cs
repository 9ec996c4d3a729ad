using Microsoft.Playwright;

namespace Levy.Web.Tests.Page;

/// <summary>The refund page in headless Chromium against the real server and engine: upload an export, see the summary,
/// the deadlines, the flags with their reasons, and download a CAPE Declaration.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> _errors = [];
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        BrowserFixture.RequireBrowser();
        _page = await browser.Browser.NewPageAsync();
        _page.SetDefaultTimeout(60_000);
        _page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                _errors.Add(m.Text);
            }
        };
        _page.PageError += (_, e) => _errors.Add(e);
    }

    public async ValueTask DisposeAsync()
    {
        if (_page is not null)
        {
            await _page.CloseAsync();
        }
    }

    [Fact]
    public async Task Upload_GeneratedExport_ShowsSummaryDeadlinesFlagsAndOffersTheDeclaration()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("levy-refund-page").FullName, "es003.csv");
        await File.WriteAllTextAsync(file, Endpoints.RefundEndpointsTests.Export.Value, TestContext.Current.CancellationToken);
        await _page.GotoAsync("/");
        await _page.GetByRole(AriaRole.Link, new() { Name = "IEEPA refunds" }).ClickAsync();

        await _page.Locator("#file").SetInputFilesAsync(file);
        await _page.Locator("#as-of").FillAsync("2026-04-21");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Check the export" }).ClickAsync();

        await Assertions.Expect(_page.Locator("#refund-result")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("lines checked");
        await Assertions.Expect(_page.Locator("#ieepa-paid")).ToContainTextAsync("$");
        await Assertions.Expect(_page.Locator("#import-summary")).ToContainTextAsync("processed and not kept");
        await Assertions.Expect(_page.Locator("#flags")).ToContainTextAsync("void-but-collected");
        await Assertions.Expect(_page.Locator("#flags")).ToContainTextAsync("Learning Resources");
        await Assertions.Expect(_page.Locator("#deadlines tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#refund-chart svg rect.bar")).Not.ToHaveCountAsync(0);
        ILocator link = _page.Locator("#declarations a").First;
        await Assertions.Expect(link).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^cape-phase1-20260421-001\.csv$"));
        IDownload download = await _page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        string saved = Path.Combine(Path.GetDirectoryName(file)!, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        string[] lines = await File.ReadAllLinesAsync(saved, TestContext.Current.CancellationToken);
        Assert.Equal("Entry Number", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^[A-Z0-9]{3}\d{8}$", l));
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactFolder, "refunds-upload.png"), FullPage = true });
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task Upload_NoFile_SaysSo()
    {
        await _page.GotoAsync("/refunds.html");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Check the export" }).ClickAsync();

        await Assertions.Expect(_page.Locator("#status")).ToHaveTextAsync("Choose an ES-003 export first.");
        await Assertions.Expect(_page.Locator("#refund-result")).ToBeHiddenAsync();
    }
}
