using System.Security.Cryptography;
using System.Text;

namespace Ingest.Cli.Review.Web;

/// <summary>
/// Who may ask the review server what. <see cref="Token"/> is set when the server listens beyond this
/// machine: every request must then carry it (the link printed at start, then a cookie). On loopback
/// the Host must name this machine, so a web page elsewhere cannot reach the server through a DNS name
/// that points here. A request that changes anything is a POST carrying the page's form secret in a
/// header, which another site's page can neither read nor send.
/// </summary>
public sealed record GuardSettings(string? Token, string FormSecret, int Port)
{
    public const string TokenCookie = "ingest_review_token";
    public const string TokenHeader = "X-Ingest-Token";
    public const string FormHeader = "X-Ingest-Form";

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>What the guard looks at in a request.</summary>
public sealed record RequestFacts(string Method, string Path, string? Host, string? Origin, string? QueryToken, string? CookieToken,
    string? HeaderToken, string? FormSecret);

/// <summary>A refused request: the status to answer and why.</summary>
public sealed record Refusal(int Status, string Reason);

public static class RequestGuard
{
    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>Null when the request may go on, else why not.</summary>
    public static Refusal? Check(GuardSettings s, RequestFacts r)
    {
        if (s.Token is { } token)
        {
            if (!new[] { r.QueryToken, r.CookieToken, r.HeaderToken }.Any(t => Same(t, token)))
                return new Refusal(401, "this review server needs its access token: open the link it printed at start");
        }
        else if (!LoopbackNames.Any(n => string.Equals(r.Host, $"{n}:{s.Port}", StringComparison.OrdinalIgnoreCase)))
            return new Refusal(421, $"this review server answers to 127.0.0.1:{s.Port} only");
        if (r.Method is "GET" or "HEAD") return null;
        if (r.Method != "POST") return new Refusal(405, "only GET and POST");
        if (!Same(r.FormSecret, s.FormSecret)) return new Refusal(403, "a decision must come from the review page itself (form check failed)");
        if (r.Origin is { } origin && !string.Equals(origin, $"http://{r.Host}", StringComparison.OrdinalIgnoreCase))
            return new Refusal(403, $"a decision from another site ({origin}) is refused");
        return null;
    }

    // in fixed time, so the answer's timing says nothing of how much of a guess was right
    private static bool Same(string? given, string expected) =>
        given != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
