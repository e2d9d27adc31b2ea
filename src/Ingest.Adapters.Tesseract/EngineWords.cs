using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// The words of the engine's last recognition as the word rows (level 5) of its TSV: page 1,
/// block, paragraph, line and word numbers, box, confidence and text, numbered as
/// TessBaseAPI::GetTSVText numbers them. Its other rows (page, block, paragraph, line) are not
/// written: nothing reads them.
/// </summary>
/// <remarks>
/// GetTSVText walks the result a letter at a time, and at every letter and at every word's three
/// "is this the last of its line / paragraph / block" questions its iterator works out the line's
/// reading order again, word by word (its bidirectional text support): 4.6% of a phone-photo
/// batch's OCR time (perf). Stepping a word at a time, and asking about a paragraph or block only
/// where a line begins (a block or paragraph begins only where a line does), gives the same rows
/// for a fraction of the steps.
/// </remarks>
internal static class EngineWords
{
    private const int Block = 0, Para = 1, TextLine = 2, Word = 3;

    public static string Rows(IntPtr api)
    {
        var rows = new StringBuilder();
        var words = TesseractNative.TessBaseAPIGetIterator(api);
        if (words == IntPtr.Zero) return "";
        try
        {
            var at = TesseractNative.TessResultIteratorGetPageIterator(words);
            int block = 0, para = 0, line = 0, word = 0;
            do
            {
                // a place with no word (an image block) has no box
                if (!TesseractNative.TessPageIteratorBoundingBox(at, Word, out int left, out int top, out int right, out int bottom)) continue;
                if (TesseractNative.TessPageIteratorIsAtBeginningOf(at, TextLine))
                {
                    if (TesseractNative.TessPageIteratorIsAtBeginningOf(at, Block)) (block, para, line) = (block + 1, 0, 0);
                    if (TesseractNative.TessPageIteratorIsAtBeginningOf(at, Para)) (para, line) = (para + 1, 0);
                    (line, word) = (line + 1, 0);
                }
                word++;
                float confidence = TesseractNative.TessResultIteratorConfidence(words, Word);
                var textPtr = TesseractNative.TessResultIteratorGetUTF8Text(words, Word);
                string text;
                try { text = Marshal.PtrToStringUTF8(textPtr) ?? ""; }
                finally { if (textPtr != IntPtr.Zero) TesseractNative.TessDeleteText(textPtr); }
                // std::to_string of a float: printf's "%f", six decimals
                rows.Append(CultureInfo.InvariantCulture,
                    $"5\t1\t{block}\t{para}\t{line}\t{word}\t{left}\t{top}\t{right - left}\t{bottom - top}\t{((double)confidence).ToString("F6", CultureInfo.InvariantCulture)}\t{text}\n");
            }
            while (TesseractNative.TessPageIteratorNext(at, Word));
        }
        finally { TesseractNative.TessResultIteratorDelete(words); }
        return rows.ToString();
    }
}
