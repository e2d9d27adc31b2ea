namespace Ingest.Core.Model;

/// <summary>The kind of file a document was read from, as written in the output contract.</summary>
public enum SourceFormat { Txt, Pdf, Docx, Image }

public static class SourceFormatNames
{
    public static string ToContract(this SourceFormat f) => f switch
    {
        SourceFormat.Txt => "txt",
        SourceFormat.Pdf => "pdf",
        SourceFormat.Docx => "docx",
        _ => "image",
    };
}
