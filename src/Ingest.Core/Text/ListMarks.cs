namespace Ingest.Core.Text;

/// <summary>The marks that open a list item ("- …", "+ …", "• …"), shared by every rule that tells an item from running text.</summary>
public static class ListMarks
{
    public static readonly char[] Bullets = ['-', '+', '*', '•', '–'];

    /// <summary>True when the text, spaces aside, opens with a bullet.</summary>
    public static bool OpensItem(string text) => text.TrimStart() is { Length: > 0 } t && Array.IndexOf(Bullets, t[0]) >= 0;
}
