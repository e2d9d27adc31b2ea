using System.Runtime.Intrinsics;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// An 8-bit page turned about its centre, each pixel the area-weighted mean of the four it falls
/// between, to a sixteenth of a pixel: pixel for pixel leptonica's pixRotateAMGray (rotateam.c),
/// whose sums are formed here in the same order and the same float precision. Leptonica forms
/// each pixel's source position from two products of its coordinates; those are the same along a
/// column and along a row, so they are formed once per column and per row, and eight positions
/// are taken at a time. A 300 dpi page took 53 ms to turn in leptonica.
/// </summary>
internal static class AreaMapRotation
{
    /// <param name="radians">Positive turns the page clockwise, as leptonica's does.</param>
    /// <param name="fill">The grey brought in at the corners.</param>
    public static unsafe Pix Rotate(Pix grey, float radians, byte fill)
    {
        grey.MustBeGrey();
        int w = grey.Width, h = grey.Height, rowBytes = grey.RowBytes;
        var result = grey.CreateLike();
        byte* from = grey.Data, to = result.Data;
        int xcen = w / 2, ycen = h / 2, wm2 = w - 2, hm2 = h - 2;
        // as leptonica forms them: the sine in double, times 16, kept as a float
        float sina = (float)(16.0 * Math.Sin(radians)), cosa = (float)(16.0 * Math.Cos(radians));
        // per column, -xdif·cosa and xdif·sina (padded to a whole number of vectors)
        int padded = (w + 7) / 8 * 8;
        var columnCos = new float[padded];
        var columnSin = new float[padded];
        for (int j = 0; j < w; j++)
        {
            int xdif = xcen - j;
            columnCos[j] = -xdif * cosa;
            columnSin[j] = xdif * sina;
        }
        var xpm = new int[padded];
        var ypm = new int[padded];
        fixed (float* cc = columnCos, cs = columnSin)
        fixed (int* xs = xpm, ys = ypm)
            for (int i = 0; i < h; i++)
            {
                int ydif = ycen - i;
                // xpm = (int)(-xdif·cosa − ydif·sina), ypm = (int)(−ydif·cosa + xdif·sina): truncated, as C casts
                var rowSin = Vector256.Create(ydif * sina);
                var rowCos = Vector256.Create(-ydif * cosa);
                for (int j = 0; j < padded; j += 8)
                {
                    Vector256.ConvertToInt32(Vector256.Load(cc + j) - rowSin).Store(xs + j);
                    Vector256.ConvertToInt32(rowCos + Vector256.Load(cs + j)).Store(ys + j);
                }
                byte* line = to + (long)i * rowBytes;
                for (int j = 0; j < w; j++)
                {
                    int xp = xcen + (xs[j] >> 4), yp = ycen + (ys[j] >> 4);
                    if (xp < 0 || yp < 0 || xp > wm2 || yp > hm2)
                    {
                        line[j ^ 3] = fill;
                        continue;
                    }
                    int xf = xs[j] & 0x0f, yf = ys[j] & 0x0f;
                    byte* above = from + (long)yp * rowBytes, below = above + rowBytes;
                    int v00 = (16 - xf) * (16 - yf) * above[xp ^ 3];
                    int v10 = xf * (16 - yf) * above[(xp + 1) ^ 3];
                    int v01 = (16 - xf) * yf * below[xp ^ 3];
                    int v11 = xf * yf * below[(xp + 1) ^ 3];
                    line[j ^ 3] = (byte)((v00 + v01 + v10 + v11 + 128) / 256);
                }
            }
        return result;
    }
}
