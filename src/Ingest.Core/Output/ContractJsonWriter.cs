using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ingest.Core.Model;

namespace Ingest.Core.Output;

/// <summary>
/// Writes one document's result as the contract JSON (schema 1.0). Field order is fixed so the
/// output diffs cleanly; files are written through <see cref="AtomicFile"/>, never left half-written.
/// </summary>
public static class ContractJsonWriter
{
    public const string SchemaVersion = "1.0";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(ExtractionResult r, string displayPath)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) Write(w, r, displayPath);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter w, ExtractionResult r, string displayPath)
    {
        var doc = r.Document;
        var src = doc.Source;
        w.WriteStartObject();
        w.WriteString("schemaVersion", SchemaVersion);
        w.WriteStartObject("source");
        w.WriteString("path", displayPath);
        w.WriteString("sha256", src.Sha256);
        w.WriteString("format", src.Format.ToContract());
        w.WriteNumber("pages", src.PageCount);
        w.WriteBoolean("ocr", src.Ocr);
        w.WriteEndObject();

        w.WriteStartObject("document");
        Str(w, "title", doc.Header.Title);
        Str(w, "issuer", doc.Header.Issuer);
        Str(w, "place", doc.Header.Place);
        Str(w, "number", doc.Header.Number);
        Str(w, "date", doc.Header.Date);
        w.WriteEndObject();

        w.WriteStartObject("repair");
        w.WriteBoolean("applied", doc.Repair.Applied);
        w.WriteNumber("changedTokens", doc.Repair.ChangedTokens);
        w.WriteNumber("words", doc.Repair.Words);
        Str(w, "encoding", doc.Repair.Encoding);
        w.WriteStartObject("damage");
        w.WriteNumber("kept", doc.Repair.Damage.Kept);
        w.WriteNumber("stripped", doc.Repair.Damage.Stripped);
        w.WriteNumber("ocr", doc.Repair.Damage.Ocr);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("sections");
        foreach (var s in doc.Sections)
        {
            w.WriteStartObject();
            w.WriteString("number", s.Number);
            w.WriteString("title", s.Title);
            w.WriteNumber("level", s.Level);
            Num(w, "year", s.Year);
            w.WriteNumber("page", s.Page);
            w.WriteNumber("line", s.Line);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("targets");
        foreach (var t in r.Targets) WriteTarget(w, t);
        w.WriteEndArray();

        w.WriteStartArray("diagnostics");
        foreach (var d in r.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("stage", d.Stage);
            w.WriteString("message", d.Message);
            if (d.Page > 0) w.WriteNumber("page", d.Page);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter w, Target t)
    {
        var c = t.Candidate;
        w.WriteStartObject();
        w.WriteString("key", t.Key);
        w.WriteString("indicator", c.Indicator);
        Num(w, "value", c.Value);
        Num(w, "valueMax", c.ValueMax);
        w.WriteString("unit", c.Unit);
        w.WriteString("comparator", c.Comparator);
        w.WriteStartObject("deadline");
        Num(w, "year", c.Year);
        w.WriteBoolean("annual", c.Annual);
        if (c.YearCue != null) w.WriteString("cue", c.YearCue);
        w.WriteEndObject();
        w.WriteString("kind", c.Kind == TargetKind.Baseline ? "baseline" : "target");
        if (c.KindCue != null) w.WriteString("kindCue", c.KindCue);
        if (c.Qualifier != null) w.WriteString("qualifier", c.Qualifier);
        if (t.Catalogue == null) w.WriteNull("catalogue");
        else
        {
            w.WriteStartObject("catalogue");
            w.WriteString("code", t.Catalogue.Code);
            w.WriteNumber("score", t.Catalogue.Score);
            w.WriteEndObject();
        }
        w.WriteNumber("confidence", t.Confidence);
        w.WriteBoolean("needsReview", t.NeedsReview);
        w.WriteString("section", c.Section);
        w.WriteStartObject("source");
        w.WriteNumber("page", c.Source.Page);
        w.WriteNumber("line", c.Source.Line);
        w.WriteString("text", c.Source.Text);
        if (c.Source.Repaired != null) w.WriteString("repaired", c.Source.Repaired);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Str(Utf8JsonWriter w, string name, string? v)
    {
        if (v == null) w.WriteNull(name); else w.WriteString(name, v);
    }

    private static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v == null) w.WriteNull(name); else w.WriteNumberValue(name, v.Value);
    }

    private static void WriteNumberValue(this Utf8JsonWriter w, string name, double v)
    {
        if (v == Math.Floor(v) && Math.Abs(v) < 1e15) w.WriteNumber(name, (long)v);
        else w.WriteNumber(name, v);
    }

    private static void Num(Utf8JsonWriter w, string name, int? v)
    {
        if (v == null) w.WriteNull(name); else w.WriteNumber(name, v.Value);
    }
}
