using System.Globalization;
using System.Text;

namespace Ingest.Core.Reports;

/// <summary>
/// CSV as Excel opens it correctly: UTF-8 with a byte-order mark (else Vietnamese is garbled),
/// comma-separated, RFC 4180 quoting, numbers with a '.' decimal point, Yes/No for booleans.
/// </summary>
public static class CsvWriter
{
    public static string ToCsv(Sheet sheet)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', sheet.Header.Select(Quote)).Append("\r\n");
        foreach (var row in sheet.Rows) sb.AppendJoin(',', row.Select(Field)).Append("\r\n");
        return sb.ToString();
    }

    public static void Write(string path, Sheet sheet) =>
        Output.AtomicFile.Write(path, ToCsv(sheet), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

    private static string Field(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => Sheet.YesNo(b),
        _ => Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s.StartsWith(' ') || s.EndsWith(' ') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
