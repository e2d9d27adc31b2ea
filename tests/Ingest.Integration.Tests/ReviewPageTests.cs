using System.Diagnostics;
using System.Net;
using Ingest.Adapters.OpenXml;
using Ingest.Cli.Review.Web;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Review;
using Ingest.Integration.Tests.Support;
using Microsoft.Playwright;

namespace Ingest.Integration.Tests;

/// <summary>The review server's guard and its HTML, without a server.</summary>
public class ReviewGuardTests
{
    private static readonly GuardSettings Local = new(null, "form-secret", 5080);
    private static readonly GuardSettings Open = new("tok", "form-secret", 5080);

    private static RequestFacts Get(string host = "127.0.0.1:5080", string? query = null, string? cookie = null) =>
        new("GET", "/", host, null, query, cookie, null, null);

    [Theory]
    [InlineData("127.0.0.1:5080", null)]
    [InlineData("localhost:5080", null)]
    [InlineData("evil.example:5080", 421)]   // a DNS name pointed at this machine
    [InlineData("127.0.0.1:5081", 421)]
    [InlineData(null, 421)]
    public void OnLoopback_TheHostMustNameThisMachine(string? host, int? refused) =>
        Assert.Equal(refused, RequestGuard.Check(Local, Get(host!))?.Status);

    [Theory]
    [InlineData(null, null, 401)]
    [InlineData("wrong", null, 401)]
    [InlineData("tok", null, null)]
    [InlineData(null, "tok", null)]
    public void OffLoopback_EveryRequestCarriesTheToken(string? query, string? cookie, int? refused) =>
        Assert.Equal(refused, RequestGuard.Check(Open, Get("192.168.1.5:5080", query, cookie))?.Status);

    [Theory]
    [InlineData("POST", "form-secret", null, null)]
    [InlineData("POST", "form-secret", "http://127.0.0.1:5080", null)]
    [InlineData("POST", null, null, 403)]
    [InlineData("POST", "guess", null, 403)]
    [InlineData("POST", "form-secret", "http://evil.example", 403)]
    [InlineData("PUT", "form-secret", null, 405)]
    [InlineData("DELETE", null, null, 405)]
    public void ChangesArePostsWithTheFormSecret_FromThePageItself(string method, string? secret, string? origin, int? refused) =>
        Assert.Equal(refused, RequestGuard.Check(Local, new RequestFacts(method, "/api/decide", "127.0.0.1:5080", origin, null, null, null, secret))?.Status);

    [Fact]
    public void IndicatorTextFromADocument_IsShownAsText()
    {
        const string evil = "Tỷ lệ <script>alert(1)</script> & \"<img src=x onerror=alert(2)>\"";
        var t = new ContractTarget("k1", evil, 90, null, "%", "=", 2030, false, "target", null, null, null, 0.3, true, "1",
            1, 4, evil, evil, null) { YearCue = "<b>cue</b>" };
        var html = new ReviewHtml(IndicatorCatalogue.Default).Target(new TargetView("<x>.txt", "sha", t, "<i>section</i>", null, null, []));
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>cue", html);
        Assert.DoesNotContain("<i>section", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        // Vietnamese letters stay as they are
        Assert.Contains("Tỷ lệ", html);
    }
}

/// <summary>
/// The reviewer's page in a real browser (Debian's chromium, driven by Playwright): a store made from
/// samples (one scanned page among them), the server started once as `ingest review serve`.
/// </summary>
public sealed class ReviewPageFixture : IAsyncLifetime
{
    public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory("ingest-reviewpage-");
    public string Db => Path.Combine(Dir.FullName, "t.db");
    public string Inputs => Path.Combine(Dir.FullName, "in");
    public string Out => Path.Combine(Dir.FullName, "out");
    public string Url { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;
    private Process? _server;

    public const string Chromium = "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Inputs);
        File.Copy(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt"), Path.Combine(Inputs, "kon-chieng-nq-hdnd.txt"));
        // one scanned page is enough to show a scan's crop, and OCR's it in seconds
        var split = Process.Start("pdfseparate", ["-f", "2", "-l", "2", Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.pdf"),
            Path.Combine(Inputs, "kon-chieng-p2.scan.pdf")]);
        await split.WaitForExitAsync();
        Assert.Equal(0, split.ExitCode);
        // an indicator that holds markup, as an untrusted document may
        var text = File.ReadAllText(Path.Combine(Repo.Samples, "xop-kh-ubnd.txt"))
            .Replace("đến 100% cán bộ, công chức của xã", "đến 100% cán bộ <script>window.pwned=1</script> công chức của xã");
        File.WriteAllText(Path.Combine(Inputs, "xop-script.txt"), text);
        // every target under 0.99 needs review, so the scan's are in the queue
        var r = CliTests.Run("extract", Inputs, "-o", Out, "--db", Db, "--progress", "lines", "--review-threshold", "0.99");
        Assert.True(r.Code == 0, r.Err);
        (_server, Url) = await Serve("--db", Db, "--port", "0");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>Starts `ingest review serve` and reads the URL it prints.</summary>
    public static async Task<(Process, string)> Serve(params string[] args)
    {
        var p = Process.Start(CliProcess.Info(["review", "serve", .. args]))!;
        p.ErrorDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await p.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            if (line.StartsWith("Review page: ", StringComparison.Ordinal))
            {
                _ = p.StandardOutput.ReadToEndAsync();
                return (p, line["Review page: ".Length..].Trim());
            }
        throw new InvalidOperationException("review serve printed no URL");
    }

    public async Task DisposeAsync()
    {
        if (Browser != null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.Dispose();
        try { Dir.Delete(recursive: true); } catch (IOException) { }
    }
}

public class ReviewPageTests(ReviewPageFixture f) : IClassFixture<ReviewPageFixture>
{
    private async Task<IPage> Open(string document)
    {
        var page = await f.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(f.Url);
        await page.WaitForSelectorAsync("#queue li");
        var sha = await page.EvalOnSelectorAsync<string>("select[name=document]",
            $"(s, d) => [...s.options].find(o => o.textContent.includes(d)).value", document);
        await page.SelectOptionAsync("select[name=document]", sha);
        await page.WaitForFunctionAsync("d => document.querySelector('#pane .where')?.textContent.includes(d)", document);
        return page;
    }

    private static Task<string> Key(IPage page) => page.GetAttributeAsync("#pane article", "data-key")!;

    [Fact]
    public async Task AScansCropShowsTheValuesBox_AndKeyboardDecisionsAreStoredForReportAndExtract()
    {
        var page = await Open("kon-chieng-p2.scan.pdf");
        // the crop loads, and the value's box lies on it
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.page-crop'); return i && i.complete && i.naturalWidth > 0; }");
        var img = (await page.Locator("img.page-crop").BoundingBoxAsync())!;
        var box = (await page.Locator(".value-box").BoundingBoxAsync())!;
        Assert.True(box.Width > 10 && box.Height > 10, $"value box {box.Width}×{box.Height}");
        Assert.True(box.X >= img.X - 4 && box.X + box.Width <= img.X + img.Width + 4 && box.Y >= img.Y - 4 && box.Y + box.Height <= img.Y + img.Height + 4,
            $"value box {box.X},{box.Y} {box.Width}×{box.Height} is off the crop {img.X},{img.Y} {img.Width}×{img.Height}");
        var screenshot = Path.Combine(f.Dir.FullName, "review-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        if (Environment.GetEnvironmentVariable("INGEST_REVIEW_SCREENSHOT") is { Length: > 0 } keep) File.Copy(screenshot, keep, overwrite: true);

        // correct the first with the keyboard: a bad value is refused beside its field, then a good one is stored
        var corrected = await Key(page);
        await page.Keyboard.PressAsync("c");
        await page.Locator("form.correct input[name=value]").FillAsync("bảy mươi");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('.err[data-for=value]').textContent.includes('is not a number')");
        await page.Locator("form.correct input[name=value]").FillAsync("75,5");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("k => document.querySelector('#pane article')?.dataset.key !== k", corrected);

        // reject the next; undo it and reject it again (the undo is history too)
        var rejected = await Key(page);
        await page.Keyboard.PressAsync("r");
        await page.WaitForFunctionAsync("k => document.querySelector('#pane article')?.dataset.key !== k", rejected);
        await page.Keyboard.PressAsync("u");
        await page.WaitForFunctionAsync("k => document.querySelector('#pane article')?.dataset.key === k", rejected);
        await page.Keyboard.PressAsync("r");
        await page.WaitForFunctionAsync("k => document.querySelector('#pane article')?.dataset.key !== k", rejected);

        // after a reload, neither is in the queue any more
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#queue li");
        var keys = await page.EvalOnSelectorAllAsync<string[]>("#queue li", "ls => ls.map(l => l.dataset.key)");
        Assert.DoesNotContain(corrected, keys);
        Assert.DoesNotContain(rejected, keys);

        // the report, and a re-run of extract, show both decisions: the same records a workbook import makes
        var report = Path.Combine(f.Dir.FullName, "report.xlsx");
        Assert.Equal(0, CliTests.Run("report", "-o", report, "--db", f.Db).Code);
        var targets = new XlsxWorkbook().Read(report).Single(s => s.Name == "Targets");
        var h = targets.Header.ToList();
        var row = Assert.Single(targets.Rows, r => (string?)r[h.IndexOf("Key")] == corrected);
        Assert.Equal((75.5, "correct"), (row[h.IndexOf("Value")], row[h.IndexOf("Review")]));
        Assert.DoesNotContain(targets.Rows, r => (string?)r[h.IndexOf("Key")] == rejected);

        var rerun = CliTests.Run("extract", f.Inputs, "-o", f.Out, "--db", f.Db, "--progress", "lines", "--review-threshold", "0.99");
        Assert.True(rerun.Code == 0, rerun.Err);
        var json = File.ReadAllText(Path.Combine(f.Out, "kon-chieng-p2.scan.json"));
        var doc = ContractReader.Parse(json);
        var t = Assert.Single(doc.Targets, t => t.Key == corrected);
        Assert.Equal((75.5, "correct", false), (t.Value, t.Review, t.NeedsReview));
        Assert.DoesNotContain(doc.Targets, t => t.Key == rejected);
        Assert.Contains($"\"key\": \"{rejected}\"", json.Split("\"rejectedTargets\"")[1]);
    }

    [Fact]
    public async Task AnIndicatorHoldingMarkup_IsShownAsText()
    {
        var page = await Open("xop-script.txt");
        var key = await page.EvalOnSelectorAllAsync<string?>("#queue li", "ls => ls.find(l => l.textContent.includes('<script>'))?.dataset.key");
        Assert.NotNull(key);
        await page.Locator($"#queue li[data-key='{key}']").ClickAsync();
        await page.WaitForFunctionAsync("k => document.querySelector('#pane article')?.dataset.key === k", key);
        Assert.Contains("<script>window.pwned=1</script>", await page.Locator("#pane .indicator").TextContentAsync());
        Assert.Equal(0, await page.Locator("#pane script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        // a text document's line is shown with the value marked
        Assert.Equal("100%", await page.Locator("#pane .context .current mark").TextContentAsync());
    }

    [Fact]
    public async Task OffLoopback_ARequestWithoutTheTokenIsRefused()
    {
        var (server, url) = await ReviewPageFixture.Serve("--db", f.Db, "--host", "0.0.0.0", "--port", "0", "--token", "s3cret");
        try
        {
            Assert.EndsWith("/?token=s3cret", url);
            var port = new Uri(url).Port;
            using var http = new HttpClient();
            var refused = await http.GetAsync($"http://127.0.0.1:{port}/api/queue");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"http://127.0.0.1:{port}/?token=guess")).StatusCode);
            var page = await http.GetAsync($"http://127.0.0.1:{port}/?token=s3cret");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("ingest_review_token=s3cret", string.Join(";", page.Headers.GetValues("Set-Cookie")));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.Dispose();
        }
    }

    [Fact]
    public void BadOptions_GiveOneClearLine()
    {
        var missing = CliTests.Run("review", "serve", "--db", Path.Combine(f.Dir.FullName, "nope.db"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.db: no store here", missing.Err.Trim());
        Assert.Single(missing.Err.Trim().Split('\n'));
    }

    [Fact]
    public async Task APortInUse_IsOneLine()
    {
        using var held = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        held.Start();
        var port = ((IPEndPoint)held.LocalEndpoint).Port;
        var psi = CliProcess.Info("review", "serve", "--db", f.Db, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var r = await CliProcess.RunAsync(psi, TimeSpan.FromSeconds(60));
        Assert.Equal(1, r.Code);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.Contains($"cannot listen on 127.0.0.1:{port}", r.Err);
    }
}
