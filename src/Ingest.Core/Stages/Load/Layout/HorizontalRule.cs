namespace Ingest.Core.Stages.Load.Layout;

/// <summary>A printed horizontal line (a table's row border), in points, as found on a page image.</summary>
public sealed record HorizontalRule(double Y, double X0, double X1)
{
    public double Length => X1 - X0;
}
