namespace Ingest.Adapters.Tesseract;

/// <summary>
/// A turned page made level: leptonica's pixDeskewGeneral with its defaults (the page thresholded
/// at 130; a sweep of ±7° in 1° steps at a quarter of its size, then a search to 0.01° at half;
/// turned back by area mapping, white brought in at the corners, only when the angle is 0.1° or
/// more with a confidence of 3 or more), the same pixels, with the thresholding done by
/// <see cref="Threshold"/> and the turning by <see cref="AreaMapRotation"/> (leptonica's own
/// thresholding and turning were nine tenths of the step's time).
/// </summary>
internal static class Deskew
{
    private const int InkThreshold = 130, SweepReduction = 4, SearchReduction = 2;
    private const float SweepRangeDegrees = 7, SweepStepDegrees = 1, SearchStepDegrees = 0.01f;
    private const float MinAngleDegrees = 0.1f, MinConfidence = 3;
    private const byte White = 255;
    /// <summary>As leptonica rounds it, to a float.</summary>
    private const float RadiansPerDegree = (float)(3.1415926535 / 180.0);

    /// <summary>The page turned level and the angle (degrees) it lay at; null when it lies level or its angle cannot be told.</summary>
    public static (Pix Level, float Angle)? Level(Pix grey)
    {
        float angle, confidence;
        using (var ink = Threshold.Darker(grey, InkThreshold))
            if (TesseractNative.pixFindSkewSweepAndSearch(ink.Raw, out angle, out confidence, SweepReduction, SearchReduction,
                    SweepRangeDegrees, SweepStepDegrees, SearchStepDegrees) != 0)
                return null;
        if (Math.Abs(angle) < MinAngleDegrees || confidence < MinConfidence) return null;
        return (AreaMapRotation.Rotate(grey, RadiansPerDegree * angle, White), angle);
    }
}
