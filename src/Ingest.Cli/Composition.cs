using Ingest.Adapters.OpenXml;
using Ingest.Adapters.PdfPig;
using Ingest.Adapters.Poppler;
using Ingest.Adapters.Tesseract;
using Ingest.Cli.Commands;
using Ingest.Core.Pipeline;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;

namespace Ingest.Cli;

/// <summary>
/// The one place where ports meet their adapters. It owns the OCR workers, so it is disposed
/// when the batch is done.
/// </summary>
public sealed class Composition : IDisposable
{
    private readonly TesseractPagePool _ocr;
    private readonly TesseractOptions _ocrOptions;

    public Composition(TesseractOptions ocr, string? repairModel = null)
    {
        _ocr = new TesseractPagePool(ocr);
        _ocrOptions = ocr;
        RepairModelPath = repairModel ?? RepairModels.DefaultPath;
        var repairer = RepairModels.Load(repairModel);
        Readers =
        [
            new PlainTextReader(),
            new PdfReader(new PopplerPageRenderer(new PopplerTools(PopplerOptions.Default)), _ocr),
            new DocxReader(),
            new ImageReader(_ocr),
        ];
        Settings = PipelineSettings.Default(Readers, repairer);
    }

    public IReadOnlyList<IDocumentReader> Readers { get; }

    public string RepairModelPath { get; }

    /// <summary>The version of the pipeline these settings make, as the store records it.</summary>
    public string VersionOf(PipelineSettings settings, params string[] files)
    {
        var o = _ocrOptions;
        return PipelineVersion.Of([RepairModelPath, Path.Combine(o.Tessdata, o.Language + ".traineddata"), .. files],
            $"review-threshold={settings.Confidence.ReviewThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            $"ocr={o.Language}|{o.LowConfidence.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{string.Join(",", o.Attempts)}|{o.Preprocess}");
    }

    public PipelineSettings Settings { get; }

    /// <summary>
    /// What the reviewer's page draws and reads sources with: pdftoppm for text-layer PDF pages,
    /// leptonica for images and OCR'd PDF pages (prepared as for recognition), the DOCX and text
    /// readers for the lines around a value.
    /// </summary>
    public static Review.Web.ReviewServices ReviewPage(Core.Store.IResultStore store, string storePath, Core.Catalogue.IndicatorCatalogue catalogue)
    {
        var poppler = new PopplerTools(PopplerOptions.Default);
        var pdfPages = new PopplerPageRenderer(poppler);
        return new(store, storePath, catalogue,
            [new PopplerPageCrops(poppler), new ImageCrops((path, page, ct) => PdfReader.PageImageOf(path, page, pdfPages, ct))],
            [new PlainTextReader(), new DocxReader()]);
    }

    public static Composition Default() => new(TesseractOptions.Default(Environment.ProcessorCount));

    public void Dispose() => _ocr.Dispose();
}
