using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Review;
using Ingest.Core.Stages.Load;
using Ingest.Core.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingest.Cli.Review.Web;

/// <summary>What the review server needs from the rest of the program: the store, and the tools that draw and read sources.</summary>
public sealed record ReviewServices(
    IResultStore Store, string StorePath, IndicatorCatalogue Catalogue, IReadOnlyList<IPageCropRenderer> Crops,
    IReadOnlyList<IDocumentReader> TextReaders);

/// <summary>
/// The reviewer's page: Kestrel in this process, a page and its script and style embedded in the
/// build, and a few endpoints, each a thin layer over the store and the pure review functions
/// (<see cref="ReviewQueue"/>, <see cref="DecisionForm"/>, <see cref="CropPlan"/>, <see cref="ReviewHtml"/>).
/// Decisions are stored as `review import` stores them.
/// </summary>
public sealed class ReviewServer(ReviewServices services, GuardSettings guard, string reviewer)
{
    private readonly DecisionForm _form = new(services.Catalogue);
    private readonly ReviewHtml _html = new(services.Catalogue);
    private readonly ConcurrentDictionary<string, string?> _sourceFiles = new();
    private readonly string _cache = Path.GetFullPath(services.StorePath + ".review-cache");
    private GuardSettings _guard = guard;

    /// <summary>The port the started server listens on (the one given, or the free one --port 0 found); the Host check is set to it.</summary>
    public int BoundPort(WebApplication app)
    {
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        _guard = _guard with { Port = new Uri(address).Port };
        return _guard.Port;
    }

    public WebApplication Build(IPAddress address, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        var app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            var r = ctx.Request;
            var facts = new RequestFacts(r.Method, r.Path, r.Headers.Host, r.Headers.Origin.FirstOrDefault(), r.Query["token"].FirstOrDefault(),
                r.Cookies[GuardSettings.TokenCookie], r.Headers[GuardSettings.TokenHeader].FirstOrDefault(), r.Headers[GuardSettings.FormHeader].FirstOrDefault());
            if (RequestGuard.Check(_guard, facts) is { } refusal)
            {
                ctx.Response.StatusCode = refusal.Status;
                await ctx.Response.WriteAsync(refusal.Reason + "\n");
                return;
            }
            if (_guard.Token is { } token && facts.QueryToken != null)
                ctx.Response.Cookies.Append(GuardSettings.TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict });
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
            await next();
        });

        app.MapGet("/", () => Results.Content(Page(), "text/html; charset=utf-8"));
        app.MapGet("/review.js", () => Results.Text(Asset("review.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/review.css", () => Results.Text(Asset("review.css"), "text/css; charset=utf-8"));
        app.MapGet("/api/queue", (HttpRequest r) => Results.Json(Queue(r)));
        app.MapGet("/api/target", (string sha, string key) =>
            View(sha, key) is { } view ? Results.Content(_html.Target(view), "text/html; charset=utf-8") : Results.NotFound("no such target\n"));
        app.MapGet("/api/crop", (string sha, string key, CancellationToken ct) => CropPng(sha, key, ct));
        app.MapPost("/api/decide", Decide);
        app.MapPost("/api/undo", Undo);
        return app;
    }

    private string Page() => Asset("review.html")
        .Replace("{{form}}", ReviewHtml.E(_guard.FormSecret))
        .Replace("{{reviewer}}", ReviewHtml.E(reviewer));

    private static string Asset(string name)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ingest.Cli.Review.Web.Assets." + name)
            ?? throw new InvalidOperationException($"asset {name} is not embedded");
        return new StreamReader(s).ReadToEnd();
    }

    private object Queue(HttpRequest r)
    {
        string? Q(string name) => r.Query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var filter = new QueueFilter(Q("document"), Q("code"), Q("kind"), Q("year"), Q("all") == "1");
        var q = ReviewQueue.Build(ReviewedDocuments.Load(services.Store), filter);
        return new
        {
            left = q.Left,
            total = q.Items.Count,
            items = q.Items.Select(i => new
            {
                sha = i.Sha256, key = i.Target.Key, path = i.Path, indicator = i.Target.Indicator,
                value = (i.Target.ValueMax is { } m ? $"{ReviewHtml.Number(i.Target.Value)}–{ReviewHtml.Number(m)}" : ReviewHtml.Number(i.Target.Value)) + " " + i.Target.Unit,
                year = ReviewQueue.YearOf(i.Target), code = i.Target.Code, confidence = Math.Round(i.Target.Confidence, 2),
                needsReview = i.Target.NeedsReview, review = i.Target.Review,
            }),
            documents = q.Documents.Select(d => new { path = d.Path, sha = d.Sha256, left = d.Left }),
            codes = q.Codes,
            years = q.Years,
        };
    }

    /// <summary>One target as it now reads (decisions applied), with its document's path, or null.</summary>
    private (string Path, ContractDocument Doc, ContractTarget Target)? Find(string sha, string key)
    {
        var doc = ReviewedDocuments.One(services.Store, sha);
        return doc is { Result: { } r } && r.Targets.FirstOrDefault(t => t.Key == key) is { } t ? (doc.Source.Path, r, t) : null;
    }

    private TargetView? View(string sha, string key)
    {
        if (Find(sha, key) is not var (path, doc, t)) return null;
        var place = services.Store.Places(sha).GetValueOrDefault(key);
        var file = SourceFile(path, sha);
        var crop = place != null && file != null && services.Crops.Any(c => c.Draws(Path.GetExtension(file), doc.Ocr)) ? CropPlan.For(place) : null;
        var around = crop == null && file != null ? Around(file, sha, t) : null;
        var section = doc.Sections.FirstOrDefault(s => s.Number == t.Section)?.Title;
        return new TargetView(path, sha, t, section, crop, around, services.Store.DecisionHistory(sha, key));
    }

    private IResult CropPng(string sha, string key, CancellationToken ct)
    {
        if (Find(sha, key) is not var (path, doc, _) || services.Store.Places(sha).GetValueOrDefault(key) is not { } place
            || SourceFile(path, sha) is not { } file || services.Crops.FirstOrDefault(c => c.Draws(Path.GetExtension(file), doc.Ocr)) is not { } renderer)
            return Results.NotFound("no page image for this target\n");
        var crop = CropPlan.For(place);
        var a = crop.Area;
        var cached = Path.Combine(_cache, $"{sha[..16]}-p{crop.Page}-{a.X}-{a.Y}-{a.Width}x{a.Height}-{crop.Dpi}.png");
        if (!File.Exists(cached))
        {
            byte[] png;
            try { png = renderer.RenderPng(file, crop, ct); }
            catch (DocumentFailure e) { return Results.Problem(e.Message, statusCode: 500); }
            Directory.CreateDirectory(_cache);
            // written whole under another name, then renamed: a reader never sees half an image
            var tmp = cached + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllBytes(tmp, png);
            File.Move(tmp, cached, overwrite: true);
        }
        return Results.File(cached, "image/png");
    }

    private async Task<IResult> Decide(HttpRequest r)
    {
        DecideBody? body;
        try { body = await JsonSerializer.DeserializeAsync<DecideBody>(r.Body, Json); }
        catch (JsonException) { body = null; }
        if (body is not { Sha: { } sha, Key: { } key, Verdict: { } verdict })
            return Results.BadRequest(new { errors = new Dictionary<string, string> { ["form"] = "a decision needs sha, key and verdict" } });
        var who = string.IsNullOrWhiteSpace(body.Reviewer) ? reviewer : body.Reviewer.Trim();
        if (who.Length > 64) return Results.BadRequest(new { errors = new Dictionary<string, string> { ["reviewer"] = "a reviewer's name is at most 64 characters" } });
        var input = new DecisionInput(sha, key, verdict, body.Fields ?? new Dictionary<string, string?>(), body.Note);
        var check = _form.Check(input, Find(sha, key)?.Target, who, DateTimeOffset.UtcNow);
        if (check.Decision is not { } decision) return Results.BadRequest(new { errors = check.Errors });
        var id = services.Store.SaveDecisions([decision])[0];
        return Results.Json(new { id, verdict = decision.Verdict.ToString().ToLowerInvariant() });
    }

    private async Task<IResult> Undo(HttpRequest r)
    {
        UndoBody? body;
        try { body = await JsonSerializer.DeserializeAsync<UndoBody>(r.Body, Json); }
        catch (JsonException) { body = null; }
        if (body is not { Id: > 0 }) return Results.BadRequest(new { errors = new Dictionary<string, string> { ["form"] = "undo needs the id of a decision" } });
        var who = string.IsNullOrWhiteSpace(body.Reviewer) ? reviewer : body.Reviewer.Trim();
        return services.Store.WithdrawDecision(body.Id, who, DateTimeOffset.UtcNow)
            ? Results.Json(new { undone = body.Id })
            : Results.BadRequest(new { errors = new Dictionary<string, string> { ["form"] = $"decision {body.Id} is not standing (already undone?)" } });
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record DecideBody(string? Sha, string? Key, string? Verdict, Dictionary<string, string?>? Fields, string? Note, string? Reviewer);

    private sealed record UndoBody(long Id, string? Reviewer);

    /// <summary>
    /// The file a stored document was read from, found as the extract named it (from here, or from the
    /// store's folder) and only while it still holds the content that was read; else null (the text alone is shown).
    /// </summary>
    private string? SourceFile(string path, string sha) => _sourceFiles.GetOrAdd(sha, _ =>
    {
        var storeDir = Path.GetDirectoryName(Path.GetFullPath(services.StorePath)) ?? "";
        foreach (var candidate in new[] { path, Path.Combine(storeDir, path) }.Distinct())
            if (File.Exists(candidate) && ContentHash.Of([candidate]) == sha) return Path.GetFullPath(candidate);
        return null;
    });

    private SourceLines? Around(string file, string sha, ContractTarget t)
    {
        var ext = Path.GetExtension(file).ToLowerInvariant();
        var head = new byte[8];
        int n;
        using (var fs = File.OpenRead(file)) n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var reader = services.TextReaders.FirstOrDefault(r => r.CanRead(ext, head.AsSpan(0, n)));
        if (reader == null) return null;
        try
        {
            var lines = reader.Read(file, sha, new Progress<PagesRead>(), CancellationToken.None).Lines()
                .Where(l => l.Page == t.Page && Math.Abs(l.LineNumber - t.Line) <= 2).OrderBy(l => l.LineNumber)
                .Select(l => (l.LineNumber, l.Text)).ToList();
            return lines.Count > 0 ? new SourceLines(lines, t.Line) : null;
        }
        catch (DocumentFailure) { return null; }
    }
}
