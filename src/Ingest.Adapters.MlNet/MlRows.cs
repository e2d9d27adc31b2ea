using Ingest.Core.Stages.Confidence;
using Ingest.Core.Stages.Confidence.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Ingest.Adapters.MlNet;

/// <summary>
/// Labelled targets as an ML.NET data view: Label, and Features without the constant "bias"
/// (ML.NET fits its own unregularised bias), as a vector of known size.
/// </summary>
internal static class MlRows
{
    public sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    public sealed class Scored
    {
        public float Score { get; set; }
    }

    public sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }
    }

    public sealed class Calibrated
    {
        public float Probability { get; set; }
    }

    /// <summary>Features the model sees: all but the bias, which must come first.</summary>
    public static int Width
    {
        get
        {
            if (ConfidenceFeatures.Names[0] != "bias") throw new InvalidOperationException("the first confidence feature must be the constant bias");
            return ConfidenceFeatures.Names.Count - 1;
        }
    }

    public static Row Of(double[] features) => new() { Features = features.Skip(1).Select(f => (float)f).ToArray() };

    public static Row Of(LabelledTarget t) => new() { Label = t.Right, Features = Of(t.Features).Features };

    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Width);
        return schema;
    }

    public static IDataView View(MLContext ml, IEnumerable<LabelledTarget> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Label = r.Right, Features = Of(r.Features).Features }).ToList(), Schema());
}
