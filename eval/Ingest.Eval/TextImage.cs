using System.Runtime.InteropServices;

namespace Ingest.Eval;

/// <summary>
/// Renders lines of text into a PNG at 300 dpi with cairo (installed with poppler-utils) and a
/// DejaVu font, so OCR tests and evaluations read text they know instead of a stored image.
/// </summary>
public static partial class TextImage
{
    private const string Cairo = "libcairo.so.2";
    private const int FormatRgb24 = 1;

    [LibraryImport(Cairo)] private static partial IntPtr cairo_image_surface_create(int format, int width, int height);
    [LibraryImport(Cairo)] private static partial IntPtr cairo_create(IntPtr surface);
    [LibraryImport(Cairo)] private static partial void cairo_set_source_rgb(IntPtr cr, double r, double g, double b);
    [LibraryImport(Cairo)] private static partial void cairo_paint(IntPtr cr);
    [LibraryImport(Cairo, StringMarshalling = StringMarshalling.Utf8)] private static partial void cairo_select_font_face(IntPtr cr, string family, int slant, int weight);
    [LibraryImport(Cairo)] private static partial void cairo_set_font_size(IntPtr cr, double size);
    [LibraryImport(Cairo)] private static partial void cairo_move_to(IntPtr cr, double x, double y);
    [LibraryImport(Cairo, StringMarshalling = StringMarshalling.Utf8)] private static partial void cairo_show_text(IntPtr cr, string text);
    [LibraryImport(Cairo)] private static partial void cairo_rotate(IntPtr cr, double angle);
    [LibraryImport(Cairo, StringMarshalling = StringMarshalling.Utf8)] private static partial int cairo_surface_write_to_png(IntPtr surface, string filename);
    [LibraryImport(Cairo)] private static partial void cairo_destroy(IntPtr cr);
    [LibraryImport(Cairo, StringMarshalling = StringMarshalling.Utf8)] private static partial void cairo_text_extents(IntPtr cr, string text, out TextExtents extents);

    [StructLayout(LayoutKind.Sequential)]
    private struct TextExtents { public double XBearing, YBearing, Width, Height, XAdvance, YAdvance; }
    [LibraryImport(Cairo)] private static partial void cairo_surface_destroy(IntPtr surface);

    /// <summary>Writes an A4-wide page with these lines (12 pt at 300 dpi), optionally rotated by a small angle.</summary>
    public static void Write(string path, IReadOnlyList<string> lines, double rotateDegrees = 0, string font = "DejaVu Serif", double size = 50)
    {
        const int width = 2480, margin = 200;
        int lineHeight = (int)(size * 1.6);
        Draw(path, width, margin * 2 + lineHeight * lines.Count,
            lines.Select((line, i) => (margin, margin + (i + 1) * lineHeight, line)).ToList(), rotateDegrees, font, size);
    }

    /// <summary>Writes a page of this size with each text set at its own place (x, baseline y, in pixels at 300 dpi).</summary>
    public static void Draw(string path, int width, int height, IReadOnlyList<(int X, int Y, string Text)> texts,
        double rotateDegrees = 0, string font = "DejaVu Serif", double size = 50)
    {
        var surface = cairo_image_surface_create(FormatRgb24, width, height);
        var cr = cairo_create(surface);
        try
        {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_paint(cr);
            cairo_rotate(cr, rotateDegrees * Math.PI / 180);
            cairo_set_source_rgb(cr, 0, 0, 0);
            cairo_select_font_face(cr, font, 0, 0);
            cairo_set_font_size(cr, size);
            foreach (var (x, y, text) in texts)
            {
                cairo_move_to(cr, x, y);
                cairo_show_text(cr, text);
            }
            if (cairo_surface_write_to_png(surface, path) != 0) throw new IOException($"cairo could not write {path}");
        }
        finally
        {
            cairo_destroy(cr);
            cairo_surface_destroy(surface);
        }
    }

    /// <summary>
    /// Writes an A4-wide page whose lines bow as a curled sheet's do: each letter set lower by
    /// <paramref name="sagPixels"/> at the page's middle than at its margins, along a parabola.
    /// </summary>
    public static void WriteBowed(string path, IReadOnlyList<string> lines, double sagPixels, string font = "DejaVu Serif", double size = 50)
    {
        const int width = 2480, margin = 200;
        int lineHeight = (int)(size * 1.6);
        var letters = new List<(int X, int Y, string Text)>();
        var surface = cairo_image_surface_create(FormatRgb24, 1, 1);
        var cr = cairo_create(surface);
        try
        {
            cairo_select_font_face(cr, font, 0, 0);
            cairo_set_font_size(cr, size);
            for (int i = 0; i < lines.Count; i++)
            {
                var glyphs = lines[i].Normalize(System.Text.NormalizationForm.FormC).Select(c => c.ToString()).ToList();
                var advances = glyphs.Select(g => { cairo_text_extents(cr, g, out var e); return e.XAdvance; }).ToList();
                // the sheet bows, not each line: the page's middle sags most
                double half = width / 2.0 - margin, middle = width / 2.0, x = margin;
                for (int k = 0; k < glyphs.Count; k++)
                {
                    double t = (x + advances[k] / 2 - middle) / half;
                    letters.Add(((int)Math.Round(x), (int)Math.Round(margin + (i + 1) * lineHeight + sagPixels * (1 - t * t)), glyphs[k]));
                    x += advances[k];
                }
            }
        }
        finally
        {
            cairo_destroy(cr);
            cairo_surface_destroy(surface);
        }
        Draw(path, width, margin * 2 + lineHeight * lines.Count + (int)Math.Ceiling(Math.Abs(sagPixels)), letters, font: font, size: size);
    }
}
