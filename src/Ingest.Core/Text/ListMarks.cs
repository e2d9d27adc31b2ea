using System.Text.RegularExpressions;

namespace Ingest.Core.Text;

/// <summary>The marks that open a list item ("- …", "+ …", "• …"), shared by every rule that tells an item from running text.</summary>
public static partial class ListMarks
{
    public static readonly char[] Bullets = ['-', '+', '*', '•', '–'];

    /// <summary>True when the text, spaces aside, opens with a bullet.</summary>
    public static bool OpensItem(string text) => text.TrimStart() is { Length: > 0 } t && Array.IndexOf(Bullets, t[0]) >= 0;

    /// <summary>True when the text opens an item of a list: a bullet, or a number or letter that counts it ("(3)", "3)", "b)").</summary>
    public static bool OpensListItem(string text) => OpensItem(text) || Enumerator().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\))\s")]
    private static partial Regex Enumerator();

    /// <summary>True when an item's number is under its parent's: "1.1" under "1" or "1.".</summary>
    public static bool NumberedUnder(string number, string parent)
    {
        var n = number.Trim();
        var p = parent.Trim().TrimEnd('.');
        return p.Length > 0 && n.StartsWith(p + ".", StringComparison.Ordinal) && n.Length > p.Length + 1;
    }
}
