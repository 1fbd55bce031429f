using VietUsTrade.Sim.Models.PartialEquilibrium;

namespace VietUsTrade.Sim.Projection;

/// <summary>The exact CES PE model as the projection's <see cref="IResponseModel"/>: each regime is a <see cref="RegimeKernel"/> on one PE problem.</summary>
/// <param name="problem">The PE problem of the baseline (its t0 are the 2024 applied rates).</param>
/// <param name="vietnamSupplier">Vietnam's supplier index.</param>
internal sealed class PeResponseModel(PeProblem problem, int vietnamSupplier) : IResponseModel
{
    /// <inheritdoc/>
    public IRegimeResponse ForTariffs(double[] tariffs1) => new RegimeKernel(problem, tariffs1, vietnamSupplier);

    /// <inheritdoc/>
    /// <remarks>Line by line, each distinct slice of a line once (<see cref="LineMajorTabulation"/>).</remarks>
    public void Tabulate(IReadOnlyList<double[]> tariffs1, double[] scales, double[] supplierNew, double[] vietnamRevenue, CancellationToken cancellationToken) =>
        LineEvaluations = LineMajorTabulation.Run(problem, vietnamSupplier, tariffs1, scales, supplierNew, vietnamRevenue, cancellationToken);

    /// <summary>The line evaluations of the last <see cref="Tabulate"/> (distinct line slices × scales): a diagnostic.</summary>
    public long LineEvaluations { get; private set; }
}
