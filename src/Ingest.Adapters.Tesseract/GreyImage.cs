namespace Ingest.Adapters.Tesseract;

/// <summary>An 8-bit grey image in managed memory, row by row: what the page-geometry code reads and writes.</summary>
internal sealed record GreyImage(int Width, int Height, byte[] Pixels)
{
    public byte this[int x, int y] => Pixels[y * Width + x];

    /// <summary>Each pixel the mean of the 2·<paramref name="half"/> + 1 pixels of its row around it (fewer at the ends).</summary>
    public GreyImage MeanAlongRows(int half)
    {
        var result = new byte[Pixels.Length];
        // a row's pixels away from its ends all average the same count: their means are looked up,
        // not divided out (one division per pixel was most of the time this took)
        int full = 2 * half + 1;
        var mean = new byte[255 * full + 1];
        for (int sum = 0; sum < mean.Length; sum++) mean[sum] = (byte)((sum + full / 2) / full);
        for (int y = 0; y < Height; y++)
        {
            int row = y * Width, sum = 0, count = 0;
            for (int x = 0; x < Math.Min(half, Width); x++) { sum += Pixels[row + x]; count++; }
            for (int x = 0; x < Width; x++)
            {
                if (x + half < Width) { sum += Pixels[row + x + half]; count++; }
                if (x - half - 1 >= 0) { sum -= Pixels[row + x - half - 1]; count--; }
                result[row + x] = count == full ? mean[sum] : (byte)((sum + count / 2) / count);
            }
        }
        return new GreyImage(Width, Height, result);
    }

    /// <summary>The image shrunk by a whole factor, each pixel the mean of its block.</summary>
    public GreyImage Shrink(int factor)
    {
        int w = Width / factor, h = Height / factor;
        var result = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++)
                {
                    int row = (y * factor + dy) * Width + x * factor;
                    for (int dx = 0; dx < factor; dx++) sum += Pixels[row + dx];
                }
                result[y * w + x] = (byte)(sum / (factor * factor));
            }
        return new GreyImage(w, h, result);
    }
}
