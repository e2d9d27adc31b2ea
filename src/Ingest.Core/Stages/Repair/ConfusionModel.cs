using Ingest.Core.Model;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// What OCR makes of each letter: P(observed piece | intended letter), where a piece is zero,
/// one or two characters ("ố" → "6", "ư" → "ir", "ủ" → "ti", "l" → "1"), learnt by aligning
/// OCR output with the text it was read from. Lower case on both sides.
/// </summary>
public sealed class ConfusionModel
{
    public const int MaxPiece = 2;
    private readonly Dictionary<ulong, float> _logP;

    public ConfusionModel(IReadOnlyDictionary<(char Intended, string Piece), float> logP, float insertLogP, float floorLogP)
    {
        _logP = logP.ToDictionary(kv => Key(kv.Key.Intended, kv.Key.Piece), kv => kv.Value);
        Pieces = logP;
        InsertLogP = insertLogP;
        FloorLogP = floorLogP;
        // ASCII punctuation other than "&" and "'" keeps its meaning even where OCR sometimes made it from a letter
        InWordSymbols = logP.Keys.SelectMany(k => k.Piece)
            .Where(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && (c > '\u007f' || c is '&' or '\''))
            .Where(c => !RepairTokenizer.IsProsePunctuation(c)).ToHashSet();
    }

    public IReadOnlyDictionary<(char Intended, string Piece), float> Pieces { get; }

    /// <summary>ln P of a character OCR added where the text had none.</summary>
    public float InsertLogP { get; }

    /// <summary>ln P given to a piece the data never showed for a letter.</summary>
    public float FloorLogP { get; }

    /// <summary>Non-letters OCR put in place of letters ("§" for "ỹ", "¢" for "ệ"); they belong to words.</summary>
    public IReadOnlySet<char> InWordSymbols { get; }

    public static ulong Key(char intended, ReadOnlySpan<char> piece) =>
        ((ulong)intended << 40) | ((ulong)piece.Length << 32)
        | (piece.Length > 0 ? (ulong)piece[0] << 16 : 0) | (piece.Length > 1 ? piece[1] : 0UL);

    public bool TryLogP(char intended, ReadOnlySpan<char> piece, out float logP) => _logP.TryGetValue(Key(intended, piece), out logP);

    public void Write(BinaryWriter w)
    {
        w.Write(InsertLogP); w.Write(FloorLogP);
        w.Write(Pieces.Count);
        foreach (var ((c, p), lp) in Pieces) { w.Write(c); w.Write(p); w.Write(lp); }
    }

    public static ConfusionModel Read(BinaryReader r)
    {
        float ins = r.ReadSingle(), floor = r.ReadSingle();
        int n = r.ReadInt32();
        var d = new Dictionary<(char, string), float>(n);
        for (int i = 0; i < n; i++) { var c = r.ReadChar(); var p = r.ReadString(); d[(c, p)] = r.ReadSingle(); }
        return new ConfusionModel(d, ins, floor);
    }
}

/// <summary>The channel's costs (−ln P) for one damage mixture.</summary>
public sealed class ChannelCosts
{
    private readonly ConfusionModel _model;
    private readonly DamageMix _mix;
    private readonly Dictionary<ulong, float> _cache = new();

    public ChannelCosts(ConfusionModel model, DamageMix mix)
    {
        _model = model;
        _mix = mix;
        InsertCost = -(float)Math.Log(mix.Ocr) - model.InsertLogP;
    }

    public float InsertCost { get; }

    public DamageMix Mix => _mix;

    // One vowel read as another, or as a stray symbol, is the commonest confusion the data may not show for a given pair
    private float Floor(char intended, ReadOnlySpan<char> piece) =>
        piece.Length == 1 && Text.VietOrthography.IsVowel(intended) && (Text.VietOrthography.IsVowel(piece[0]) || RepairTokenizer.IsJunkSymbol(piece[0]))
            ? _model.FloorLogP + VowelBonus : _model.FloorLogP;

    private const float VowelBonus = 3f;


    public float Cost(char intended, ReadOnlySpan<char> piece)
    {
        var key = ConfusionModel.Key(intended, piece);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        double p = _mix.Ocr * Math.Exp(Math.Max(_model.TryLogP(intended, piece, out var lp) ? lp : float.NegativeInfinity, Floor(intended, piece)));
        if (piece.Length == 1)
        {
            if (piece[0] == intended) p += _mix.Kept;
            var ascii = Text.VietOrthography.ToAscii(intended);
            if (piece[0] == ascii) p += _mix.Stripped;
            // a mark lost but the tone kept, or the other way round: partial stripping
            else if (ascii != intended && Text.VietOrthography.ToAscii(piece[0]) == ascii) p += _mix.Stripped * 0.02;
        }
        var cost = (float)-Math.Log(p);
        _cache[key] = cost;
        return cost;
    }
}
