namespace Ingest.Core.Model;

/// <summary>An axis-aligned box in page units (points for PDF, pixels for images), y growing downwards.</summary>
public sealed record BBox(double X0, double Y0, double X1, double Y1)
{
    public double Width => X1 - X0;
    public double Height => Y1 - Y0;
    public double CenterX => (X0 + X1) / 2;
    public double CenterY => (Y0 + Y1) / 2;

    /// <summary>Whether the point lies in the box, its edges included.</summary>
    public bool Contains(double x, double y) => x >= X0 && x <= X1 && y >= Y0 && y <= Y1;

    /// <summary>How far the two boxes overlap up and down (0 when they do not).</summary>
    public double VerticalOverlap(BBox o) => Math.Max(0, Math.Min(Y1, o.Y1) - Math.Max(Y0, o.Y0));

    public BBox Union(BBox o) => new(Math.Min(X0, o.X0), Math.Min(Y0, o.Y0), Math.Max(X1, o.X1), Math.Max(Y1, o.Y1));
}
