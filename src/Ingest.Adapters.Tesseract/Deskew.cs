namespace Ingest.Adapters.Tesseract;

/// <summary>
/// A turned page made level: leptonica's pixDeskewGeneral with its defaults (the page thresholded
/// at 130; a sweep of ±7° in 1° steps at a quarter of its size, then a search to 0.01° at half;
/// turned back by area mapping, white brought in at the corners, only when the angle is 0.1° or
/// more with a confidence of 3 or more), the same pixels, with the thresholding done by
/// <see cref="Threshold"/> (leptonica's took a third of the step).
/// </summary>
internal static class Deskew
{
    private const int InkThreshold = 130, SweepReduction = 4, SearchReduction = 2;
    private const float SweepRangeDegrees = 7, SweepStepDegrees = 1, SearchStepDegrees = 0.01f;
    private const float MinAngleDegrees = 0.1f, MinConfidence = 3;
    private const int RotateByAreaMap = 1, BringInWhite = 1;
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
        var level = Pix.Own(TesseractNative.pixRotate(grey.Raw, RadiansPerDegree * angle, RotateByAreaMap, BringInWhite, 0, 0));
        return level == null ? null : (level, angle);
    }
}
