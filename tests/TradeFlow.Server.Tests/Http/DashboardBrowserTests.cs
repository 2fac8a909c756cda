using System.Globalization;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;
using Xunit.Abstractions;

namespace TradeFlow.Server.Tests.Http;

/// <summary>
/// The dashboard in Debian's real headless Chromium against the API on a real loopback socket. Fails (never
/// skips) without Chromium: <c>source scripts/chromium.sh &amp;&amp; install_chromium</c>.
/// </summary>
public sealed class DashboardBrowserTests
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public DashboardBrowserTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_dashboard_shows_the_apis_figures_a_trades_audit_trail_and_streamed_bookings_in_headless_chromium()
    {
        await using var host = await ApiHost.StartAsync(kestrel: true);
        var apple = await host.BookAsync(Trades.Apple());
        await host.BookAsync(Trades.EurUsdSpot());
        await host.SettlementAsync(apple, "instructed");
        await host.SettlementAsync(apple, "matched", new { matchReference = "DTC-4711" });
        var beforeLast = host.Clock.Advance(TimeSpan.FromMinutes(5));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.BookAsync(Trades.LargeBarclays());
        await host.BookAsync(Trades.LargeBarclays());
        using var api = host.Client(ApiRole.Auditor);
        var exposures = await Json.GetAsync(api, "/api/risk/exposures");
        var history = await Json.GetAsync(api, $"/api/trades/{apple}/history");
        var exposuresThen = await Json.GetAsync(api, $"/api/risk/exposures?asOf={Uri.EscapeDataString(beforeLast.ToString("O"))}");

        using var driver = StartChromium();
        var wait = new WebDriverWait(driver, WaitTimeout);
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        driver.Navigate().GoToUrl(host.BaseAddress);
        driver.FindElement(By.Id("api-key")).SendKeys(ApiHost.Keys[ApiRole.Auditor]);
        driver.FindElement(By.Id("connect")).Click();

        var shown = wait.Until(_ => ExposureRows(driver) is { Count: > 0 } rows && rows.Count == exposures.GetArrayLength() ? rows : null);
        foreach (var expected in exposures.EnumerateArray())
        {
            var row = shown.Single(r => r.Counterparty == expected.GetProperty("counterparty").GetString());
            Assert.Equal(Money(expected.GetProperty("utilised").GetDecimal()), row.Utilised);
            Assert.Equal(Money(expected.GetProperty("hardLimit").GetDecimal()), row.HardLimit);
            Assert.Equal(expected.GetProperty("utilisationPercent").GetDecimal().ToString("F2", CultureInfo.InvariantCulture) + "%", row.Utilisation);
        }

        wait.Until(d => d.FindElements(By.CssSelector("#exposure-chart polyline")).Count == exposures.GetArrayLength());
        wait.Until(d => d.FindElements(By.CssSelector("#positions tbody tr")).Count > 0 && d.FindElements(By.CssSelector("#ladder tbody tr")).Count > 0);

        wait.Until(d =>
        {
            d.FindElement(By.CssSelector($"#blotter tbody tr[data-trade='{apple}']")).Click();
            return true;
        });
        var trail = wait.Until(_ => AuditRows(driver) is { Count: > 0 } rows && rows.Count == history.GetArrayLength() ? rows : null);
        Assert.Equal(history.EnumerateArray().Select(e => e.GetProperty("type").GetString()), trail.Select(r => r.Type));
        Assert.Equal(history.EnumerateArray().Select(e => e.GetProperty("actor").GetString()), trail.Select(r => r.Actor));
        Assert.Equal("SettlementMatched", wait.Until(d => d.FindElement(By.Id("audit-state")).Text is { Length: > 0 } s ? s : null));
        SaveScreenshot(driver);

        // The live blotter: once the page follows the event stream, a trade booked now appears without a reload.
        wait.Until(d => (string?)((IJavaScriptExecutor)d).ExecuteScript("return document.body.dataset.blotter;") == "stream");
        var streamed = await host.BookAsync(Trades.EurUsdSpot());
        wait.Until(d => d.FindElements(By.CssSelector($"#blotter tbody tr[data-trade='{streamed}'][data-via='stream']")).Count == 1);

        driver.FindElement(By.Id("as-of")).SendKeys(beforeLast.ToString("O", CultureInfo.InvariantCulture));
        driver.FindElement(By.Id("apply-as-of")).Click();
        wait.Until(_ => ExposureRows(driver).Count == exposuresThen.GetArrayLength()
                        && driver.FindElement(By.Id("exposure-view")).Text.StartsWith("as known at", StringComparison.Ordinal));
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static ChromeDriver StartChromium()
    {
        var chromium = Environment.GetEnvironmentVariable("TRADEFLOW_CHROMIUM") ?? "/usr/bin/chromium";
        var chromedriver = Environment.GetEnvironmentVariable("TRADEFLOW_CHROMEDRIVER") ?? "/usr/bin/chromedriver";
        Assert.True(File.Exists(chromium) && File.Exists(chromedriver),
            $"Chromium ({chromium}) or ChromeDriver ({chromedriver}) is missing: run `source scripts/chromium.sh && install_chromium`.");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1700");
        return new ChromeDriver(service, options, WaitTimeout);
    }

    /// <summary>Reads the exposure table in one script call, so a poll re-rendering it cannot leave half-read rows.</summary>
    private static List<ExposureRow> ExposureRows(ChromeDriver driver)
    {
        var json = (string?)driver.ExecuteScript("""
            return JSON.stringify([...document.querySelectorAll('#exposures tbody tr')].map(tr => ({
              counterparty: tr.dataset.counterparty,
              utilised: tr.querySelector('.utilised').textContent,
              hardLimit: tr.querySelector('.hard-limit').textContent,
              utilisation: tr.querySelector('.utilisation').textContent })));
            """);
        return JsonSerializer.Deserialize<List<ExposureRow>>(json ?? "[]", JsonSerializerOptions.Web) ?? [];
    }

    private static List<AuditRow> AuditRows(ChromeDriver driver)
    {
        var json = (string?)driver.ExecuteScript("""
            return JSON.stringify([...document.querySelectorAll('#audit tbody tr')].map(tr => ({
              type: tr.querySelector('.event-type').textContent, actor: tr.querySelector('.actor').textContent })));
            """);
        return JsonSerializer.Deserialize<List<AuditRow>>(json ?? "[]", JsonSerializerOptions.Web) ?? [];
    }

    private void SaveScreenshot(ChromeDriver driver)
    {
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        var path = Path.Combine(artifacts, "dashboard.png");
        driver.GetScreenshot().SaveAsFile(path);
        _output.WriteLine($"screenshot: {path}");
        if (Environment.GetEnvironmentVariable("TRADEFLOW_SCREENSHOT_TO") is { Length: > 0 } copy)
        {
            File.Copy(path, copy, overwrite: true);
        }
    }

    private sealed record ExposureRow(string Counterparty, string Utilised, string HardLimit, string Utilisation);

    private sealed record AuditRow(string Type, string Actor);
}
