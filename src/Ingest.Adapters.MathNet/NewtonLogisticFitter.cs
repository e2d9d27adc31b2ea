using Ingest.Core.Stages.Confidence.Training;
using MathNet.Numerics.LinearAlgebra;

namespace Ingest.Adapters.MathNet;

/// <summary>
/// L2-regularised logistic regression by Newton's method (iteratively reweighted least squares)
/// on MathNet.Numerics matrices. The first feature is the bias and is not regularised.
/// </summary>
public sealed class NewtonLogisticFitter(int maxIterations = 50) : ILogisticFitter
{
    public double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2)
    {
        if (x.Count == 0) throw new ArgumentException("no training rows");
        int d = x[0].Length;
        var X = Matrix<double>.Build.DenseOfRowArrays(x);
        var Y = Vector<double>.Build.Dense(y.Count, i => y[i] ? 1 : 0);
        var penalty = Matrix<double>.Build.DiagonalOfDiagonalArray(Enumerable.Range(0, d).Select(i => i == 0 ? 1e-6 : l2).ToArray());
        var w = Vector<double>.Build.Dense(d);
        for (int it = 0; it < maxIterations; it++)
        {
            var p = (X * w).Map(z => 1 / (1 + Math.Exp(-z)));
            var gradient = X.TransposeThisAndMultiply(Y - p) - penalty * w;
            var weights = p.Map(v => Math.Max(v * (1 - v), 1e-9));
            var hessian = X.TransposeThisAndMultiply(X.MapIndexed((r, _, v) => v * weights[r])) + penalty;
            var step = hessian.Solve(gradient);
            w += step;
            if (step.L2Norm() < 1e-8) break;
        }
        return w.ToArray();
    }
}
