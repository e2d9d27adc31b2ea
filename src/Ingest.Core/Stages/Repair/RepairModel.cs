using System.Text;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// Everything the repairer learnt, in one file under models/: the vocabulary (syllable
/// inventory and frequent other words), the trigram language model, the OCR confusion model,
/// and how often clean Vietnamese carries marks (the yardstick of damage detection).
/// </summary>
public sealed record RepairModel(Vocabulary Vocabulary, SyllableLanguageModel Language, ConfusionModel Confusion, double MarkedShare)
{
    private const string Magic = "INGEST-REPAIR";
    private const int FormatVersion = 1;

    public const string DefaultFileName = "repair.bin";

    public void Save(string path) => Output.AtomicFile.Write(path, tmp =>
    {
        using var f = File.Create(tmp);
        using var w = new BinaryWriter(f, Encoding.UTF8);
        w.Write(Magic); w.Write(FormatVersion);
        w.Write(MarkedShare);
        w.Write(Vocabulary.Count - Vocabulary.FirstWord);
        for (int id = Vocabulary.FirstWord; id < Vocabulary.Count; id++)
        {
            w.Write(Vocabulary.Surface(id));
            w.Write(Vocabulary.IsSyllable(id));
        }
        Language.Write(w);
        Confusion.Write(w);
    });

    public static RepairModel Load(string path)
    {
        using var f = new BufferedStream(File.OpenRead(path), 1 << 20);
        using var r = new BinaryReader(f, Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path}: not an ingest repair model");
        int version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"{path}: repair model format {version}, this build reads {FormatVersion}; rebuild it with 'ingest train-repair'");
        double marked = r.ReadDouble();
        int n = r.ReadInt32();
        var words = new (string, bool)[n];
        for (int i = 0; i < n; i++) words[i] = (r.ReadString(), r.ReadBoolean());
        var lm = SyllableLanguageModel.Read(r);
        var confusion = ConfusionModel.Read(r);
        return new RepairModel(new Vocabulary(words), lm, confusion, marked);
    }
}
