using System.IO.Compression;

namespace Ingest.Integration.Tests.Support;

/// <summary>
/// Bad input of every kind a batch meets, made in a folder next to good documents: each bad file
/// with a phrase its one-line error must contain.
/// </summary>
public static class FaultCorpus
{
    public static IReadOnlyDictionary<string, string> Write(string dir)
    {
        var bad = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, string reason, Action<string> make)
        {
            make(Path.Combine(dir, name));
            bad[name] = reason;
        }
        var pdf = File.ReadAllBytes(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.pdf"));
        Add("truncated.pdf", "PDF", p => File.WriteAllBytes(p, pdf[..(pdf.Length / 3)]));
        Add("corrupt.pdf", "PDF", p => File.WriteAllBytes(p, [.. pdf[..1024], .. Junk(60_000, 7)]));
        Add("encrypted.pdf", "encrypted", p => File.Copy(Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Fixtures", "encrypted.pdf"), p));
        Add("zero.txt", "empty", p => File.WriteAllBytes(p, []));
        Add("zero.pdf", "empty", p => File.WriteAllBytes(p, []));
        Add("junk.pdf", "does not match", p => File.WriteAllBytes(p, Junk(50_000, 11)));
        Add("junk.docx", "not a DOCX", p => File.WriteAllBytes(p, Junk(50_000, 13)));
        Add("bomb.docx", "zip bomb", ZipBomb);
        Add("ten-thousand-pages.txt", "too many pages", p =>
            File.WriteAllText(p, string.Concat(Enumerable.Repeat("Trang này có một dòng chữ tiếng Việt.\n\f", 10_000))));
        Add("huge.png", "megapixels", p => BlankPng(p, 20_000, 20_000));
        Add("english.txt", "not Vietnamese", p => File.WriteAllText(p, string.Concat(Enumerable.Repeat(
            "The committee shall review the annual report and submit its recommendations to the board before the end of the fiscal year. ", 40))));
        // a folder that links back to its parent: walked once, not forever
        Directory.CreateSymbolicLink(Path.Combine(dir, "loop"), dir);
        Directory.CreateSymbolicLink(Path.Combine(dir, "up"), Path.GetDirectoryName(Path.GetFullPath(dir))!);
        return bad;
    }

    private static byte[] Junk(int n, int seed)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        b[0] = (byte)'X';
        return b;
    }

    /// <summary>A DOCX whose document part inflates to a gigabyte from about a megabyte.</summary>
    private static void ZipBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            w.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
        using var s = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
        var zeros = new byte[1 << 20];
        for (int i = 0; i < 1024; i++) s.Write(zeros);
    }

    /// <summary>A real, valid grey PNG of the given size (all white), written row by row.</summary>
    private static void BlankPng(string path, int width, int height)
    {
        using var f = File.Create(path);
        f.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey)
        Chunk(f, "IHDR", ihdr);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1];
            Array.Fill(row, (byte)255);
            row[0] = 0;
            for (int y = 0; y < height; y++) z.Write(row);
        }
        Chunk(f, "IDAT", raw.ToArray());
        Chunk(f, "IEND", []);
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(body);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        s.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        uint c = 0xFFFFFFFF;
        foreach (var b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFF;
    }
}
