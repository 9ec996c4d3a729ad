using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Levy.Web.Tests.Page;

/// <summary>End-to-end tests of the page in headless Chromium against the real server and the real rate engine.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<string> _errors = [];
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        BrowserFixture.RequireBrowser();
        _page = await browser.Browser.NewPageAsync();
        _page.SetDefaultTimeout(15_000);
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
    public async Task CarExample_SearchPickJapanAndAnAprilDate_Shows27Point5PercentWith9903_94_01()
    {
        await Open("/");

        await _page.Locator("#product").PressSequentiallyAsync("passenger car");
        ILocator car = _page.Locator("#product-suggestions [role=option]").Filter(new() { HasTextRegex = CarCode() }).First;
        await car.ClickAsync();
        await _page.Locator("#origin").FillAsync("Japan");
        await _page.Locator("#date").FillAsync("2025-04-20");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Show the rate" }).ClickAsync();

        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("27.5%");
        await Assertions.Expect(_page.Locator("#components")).ToContainTextAsync("9903.94.01");
        await Assertions.Expect(_page.Locator("#declare")).ToContainTextAsync("9903.94.01");
        await Assertions.Expect(_page.Locator("#chart svg path.rate")).ToHaveCountAsync(1);
        Assert.Matches(@"\?product=8703\.\d{2}\.\d{2}\.\d{2}&origin=JP&date=2025-04-20$", _page.Url);
        await Screenshot("car-japan-2025-04-20");
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task SharedUrl_RestoresTheQuery_TheHtsLineAndTheHistory()
    {
        await Open("/?product=8703.23.01.90&origin=JP&date=2025-04-20");

        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("27.5%");
        Assert.Equal("8703.23.01.90", await _page.Locator("#product").InputValueAsync());
        Assert.Equal("Japan", await _page.Locator("#origin").InputValueAsync());
        Assert.Equal("2025-04-20", await _page.Locator("#date").InputValueAsync());
        await _page.Locator("#line summary").ClickAsync();
        await Assertions.Expect(_page.Locator("#line")).ToContainTextAsync("9903.88.01");
        await Assertions.Expect(_page.Locator("#line")).ToContainTextAsync("HTS 2025 Revision 10"); // the revision the quote read
        await Assertions.Expect(_page.Locator("#line .columns")).ToContainTextAsync("2.5%");
        await Assertions.Expect(_page.Locator("#events")).ToContainTextAsync("2025-04-03");
        await Assertions.Expect(_page.Locator("#events")).ToContainTextAsync("27.5%");
        await Assertions.Expect(_page.Locator("#chart .event.change")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#scenario")).ToHaveValueAsync("");
        await Assertions.Expect(_page.Locator("#whatif")).ToBeHiddenAsync();
        await Screenshot("shared-url-line-and-history");
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task LaptopListedWholeAsAnAutoPart_TheChoiceIsStatedAboveTheComponents()
    {
        await Open("/?product=8471.30.01.00&origin=DE&date=2025-10-01");

        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%");
        ILocator choice = _page.Locator("#choices li");
        await Assertions.Expect(choice).ToHaveCountAsync(1);
        await Assertions.Expect(choice).ToContainTextAsync("not-a-vehicle-part");
        await Assertions.Expect(choice).ToContainTextAsync("0%");
        Assert.True((await _page.Locator("#choices").BoundingBoxAsync())!.Y < (await _page.Locator("#components").BoundingBoxAsync())!.Y);
        await Open("/?product=8703.23.01.90&origin=JP&date=2025-04-20");
        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("27.5%");
        await Assertions.Expect(_page.Locator("#choices")).ToBeHiddenAsync();
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task WhatIf_JapaneseCarOnOctober1UnderJapanNoDeal_Shows27Point5BesideTheActual15AndBothLines()
    {
        await Open("/");
        await _page.Locator("#product").PressSequentiallyAsync("8703.23.01.90");
        await _page.Locator("#product-suggestions [role=option]").Filter(new() { HasText = "8703.23.01.90" }).First.ClickAsync();
        await _page.Locator("#origin").FillAsync("Japan");
        await _page.Locator("#date").FillAsync("2025-10-01");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Show the rate" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%");

        await _page.GetByLabel("What if…").SelectOptionAsync(new SelectOptionValue { Label = "Japan gets no deal" });

        await Assertions.Expect(_page.Locator("#scenario-total")).ToHaveTextAsync("27.5%");
        await Assertions.Expect(_page.Locator("#actual-total")).ToHaveTextAsync("15%");
        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%");
        await Assertions.Expect(_page.Locator("#whatif-name")).ToHaveTextAsync("Japan gets no deal");
        await Assertions.Expect(_page.Locator("#difference")).ToHaveTextAsync("+12.5 pts");
        await Assertions.Expect(_page.Locator(".compare-totals .difference")).ToHaveClassAsync(new Regex(@"\bup\b"));
        ILocator changed = _page.Locator("#whatif-authorities tr.changed");
        await Assertions.Expect(changed).ToHaveCountAsync(1);
        await Assertions.Expect(changed).ToContainTextAsync("Section 232");
        await Assertions.Expect(changed).ToContainTextAsync("9903.94.01");
        await Assertions.Expect(_page.Locator("#whatif-declare")).ToContainTextAsync("9903.94.01");
        await Assertions.Expect(_page.Locator("#chart svg path.rate")).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#chart svg path.scenario-rate")).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#legend")).ToContainTextAsync("Japan gets no deal");
        await Assertions.Expect(_page.Locator("#scenario-events")).ToContainTextAsync("27.5%");
        Assert.EndsWith("?product=8703.23.01.90&origin=JP&date=2025-10-01&scenario=japan-no-deal", _page.Url);
        await Screenshot("whatif-car-japan-no-deal-2025-10-01");
        await _page.Locator("#whatif").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactFolder, "whatif-car-japan-no-deal-comparison.png") });

        await _page.GetByLabel("What if…").SelectOptionAsync("");

        await Assertions.Expect(_page.Locator("#whatif")).ToBeHiddenAsync();
        await Assertions.Expect(_page.Locator("#chart svg path.scenario-rate")).ToHaveCountAsync(0);
        Assert.EndsWith("&date=2025-10-01", _page.Url);
        await _page.GoBackAsync();
        await Assertions.Expect(_page.Locator("#scenario")).ToHaveValueAsync("japan-no-deal");
        await Assertions.Expect(_page.Locator("#scenario-total")).ToHaveTextAsync("27.5%");
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task WhatIf_PhoneWidth375px_SharedUrlShowsTheScenarioWithoutSidewaysScrolling()
    {
        await _page.SetViewportSizeAsync(375, 812);

        await Open("/?product=8703.23.01.90&origin=JP&date=2025-10-01&scenario=japan-no-deal");

        await Assertions.Expect(_page.Locator("#scenario-total")).ToHaveTextAsync("27.5%");
        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%");
        await Assertions.Expect(_page.Locator("#scenario")).ToHaveValueAsync("japan-no-deal");
        await Assertions.Expect(_page.Locator("#chart svg path.scenario-rate")).ToHaveCountAsync(1);
        int scrollWidth = await _page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"the page is {scrollWidth}px wide on a 375px screen");
        // The comparison fits its box: nothing to scroll sideways, every change visible.
        int[] box = await _page.EvaluateAsync<int[]>("(() => { const w = document.querySelector('#whatif .table-wrap'); return [w.scrollWidth, w.clientWidth]; })()");
        Assert.True(box[0] <= box[1], $"the comparison table is {box[0]}px wide in a {box[1]}px box");
        LocatorBoundingBoxResult change = (await _page.Locator("#whatif-authorities tr.changed .delta").BoundingBoxAsync())!;
        Assert.True(change.X + change.Width <= 375, $"the change of Section 232 ends at {change.X + change.Width}px on a 375px screen");
        await Screenshot("whatif-phone-375");
        await _page.Locator("#whatif").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactFolder, "whatif-phone-375-comparison.png") });
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task WhatIf_UnknownScenarioInTheUrl_IsNamed()
    {
        await Open("/?product=8703.23.01.90&origin=JP&date=2025-10-01&scenario=japan-deal");

        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("\"japan-deal\" is not a scenario");
        await Assertions.Expect(_page.Locator("#scenario")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%"); // what happened is still shown
    }

    [Fact]
    public async Task DateAfterTheNewestRevision_SaysTheDataMayBeOutOfDate_AnEarlierDateDoesNot()
    {
        await Open("/?product=8703.23.01.90&origin=JP&date=2026-10-01");

        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%");
        ILocator notice = _page.Locator("#data-notice");
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("HTS 2026 Revision 10");
        await Assertions.Expect(notice).ToContainTextAsync("published 2026-06-08");
        await Assertions.Expect(notice).ToContainTextAsync("levy data sync");
        // The history runs to the end of 2026: its days after 2026-06-08 are shaded and said to be so.
        await Assertions.Expect(_page.Locator("#chart svg rect.stale-band")).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#history-notice")).ToContainTextAsync("Shaded: after 2026-06-08.");
        await Screenshot("stale-data-notice");

        await Open("/?product=8703.23.01.90&origin=JP&date=2025-04-20");
        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("27.5%");
        await Assertions.Expect(_page.Locator("#data-notice")).ToBeHiddenAsync();
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task PhoneWidth_375px_NoSidewaysScrolling()
    {
        await _page.SetViewportSizeAsync(375, 812);

        await Open("/?product=8703.23.01.30&origin=JP&date=2025-10-01");

        await Assertions.Expect(_page.Locator("#total")).ToHaveTextAsync("15%");
        await Assertions.Expect(_page.Locator("#chart svg")).ToBeVisibleAsync();
        int scrollWidth = await _page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"the page is {scrollWidth}px wide on a 375px screen");
        int chartWidth = await _page.EvaluateAsync<int>("Math.round(document.querySelector('#chart svg').getBoundingClientRect().width)");
        Assert.InRange(chartWidth, 300, 375);
        await Screenshot("phone-375");
        await _page.Locator("#quote").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactFolder, "phone-375-duties.png") });
        await _page.Locator("#history").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactFolder, "phone-375-history.png") });
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task Keyboard_ArrowAndEnterPickASuggestion_AndAnUnknownCountryIsNamed()
    {
        await Open("/");

        await _page.Locator("#product").PressSequentiallyAsync("8703.23.01");
        await Assertions.Expect(_page.Locator("#product-suggestions [role=option]").First).ToBeVisibleAsync();
        await _page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(_page.Locator("#product")).ToHaveAttributeAsync("aria-activedescendant", "suggestion-0");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page.Locator("#product-suggestions")).ToBeHiddenAsync();
        await Assertions.Expect(_page.Locator("#product")).ToHaveValueAsync(CarCode());
        await _page.Locator("#origin").FillAsync("Atlantis");
        await _page.Locator("#date").FillAsync("2025-04-20");
        await _page.Locator("#date").PressAsync("Enter");

        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("Unknown country \"Atlantis\"");
        await Assertions.Expect(_page.Locator("#origin")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.DoesNotContain("?", _page.Url);
    }

    private async Task Open(string path)
    {
        await _page.GotoAsync(path);
        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
    }

    private async Task Screenshot(string name) =>
        await _page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactFolder, name + ".png"), FullPage = true });

    [GeneratedRegex(@"8703\.\d{2}\.\d{2}\.\d{2}")]
    private static partial Regex CarCode();
}
