using System.Text.RegularExpressions;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// A decimal comma OCR read as a letter. The comma's tail below the line makes it a "j" to the
/// recogniser when it stands close between two digits ("1j1", "&lt;0j5" in table cells of phone
/// photos and turned pages), and no word of the plans has a "j" between digits. Only OCR'd text
/// is cleaned, only between digit groups a number can have, and the line keeps what was read.
/// </summary>
public static partial class OcrNumberMarks
{
    [GeneratedRegex(@"(?<![\p{L}\d])(\d{1,3})j(\d{1,3})(?![\p{L}\d])")]
    private static partial Regex CommaReadAsJ();

    public static string Clean(string line) => line.Contains('j') ? CommaReadAsJ().Replace(line, "$1,$2") : line;
}
