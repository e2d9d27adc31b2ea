using Ingest.Core.Model;
using Ingest.Core.Store;

namespace Ingest.Core.Review;

/// <summary>A rectangle of whole pixels on a page image, y down.</summary>
public sealed record PixelRect(int X, int Y, int Width, int Height);

/// <summary>
/// What to cut from a page image for the reviewer: <see cref="Area"/> of the page drawn at
/// <see cref="Dpi"/>, and where the line and the value's word fall within it.
/// </summary>
public sealed record Crop(int Page, int Dpi, PixelRect Area, PixelRect Line, PixelRect? Value);

public static class CropPlan
{
    /// <summary>Enough to read a line: small enough to load at once, sharp enough for diacritics.</summary>
    public const int DefaultDpi = 150;

    // margins in points: the lines above and below give the context, a little either side of the line
    private const double SideMargin = 36, MinVerticalMargin = 24, LinesAround = 2.5;

    /// <summary>The line with some lines above and below it and a margin either side, never past the page's top or left edge.</summary>
    public static Crop For(TargetPlace place, int dpi = DefaultDpi)
    {
        var line = place.Line;
        double vertical = Math.Max(MinVerticalMargin, LinesAround * line.Height);
        var area = new BBox(Math.Max(0, line.X0 - SideMargin), Math.Max(0, line.Y0 - vertical), line.X1 + SideMargin, line.Y1 + vertical);
        double scale = dpi / 72.0;
        var origin = (X: (int)Math.Floor(area.X0 * scale), Y: (int)Math.Floor(area.Y0 * scale));
        PixelRect Within(BBox b) => new(
            (int)Math.Floor(b.X0 * scale) - origin.X, (int)Math.Floor(b.Y0 * scale) - origin.Y,
            Math.Max(1, (int)Math.Ceiling(b.Width * scale)), Math.Max(1, (int)Math.Ceiling(b.Height * scale)));
        return new Crop(place.Page, dpi,
            new PixelRect(origin.X, origin.Y, (int)Math.Ceiling(area.X1 * scale) - origin.X, (int)Math.Ceiling(area.Y1 * scale) - origin.Y),
            Within(line), place.Value is { } v ? Within(v) : null);
    }
}
