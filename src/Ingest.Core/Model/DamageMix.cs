namespace Ingest.Core.Model;

/// <summary>
/// How a document was damaged, as a mixture: letters kept, marks stripped (old OCR, careless
/// typing), or read by OCR that did not know Vietnamese. Weights sum to 1.
/// </summary>
public readonly record struct DamageMix(double Kept, double Stripped, double Ocr)
{
    public static DamageMix Clean { get; } = new(0.98, 0.0, 0.02);

    /// <summary>Rounded to steps of 0.05: the estimate is no finer than that, and the JSON stays readable.</summary>
    public DamageMix Quantized()
    {
        double s = Math.Round(Stripped * 20) / 20, o = Math.Max(0.02, Math.Round(Ocr * 20) / 20);
        if (s + o > 1) s = 1 - o;
        return new DamageMix(Math.Round(1 - s - o, 2), s, o);
    }
}
