namespace VietUsTrade.Sim.Projection;

/// <summary>
/// The model the projection tabulates: for a tariff vector on the baseline's cells (line × supplier), the response of
/// US imports by supplier at any elasticity scale. The projection depends on this interface only; the exact CES PE
/// model is the implementation today (<see cref="PeResponseModel"/>), and a GE-based response would implement the same
/// (issue 13 item 2).
/// </summary>
internal interface IResponseModel
{
    /// <summary>The response to one regime's tariffs.</summary>
    /// <param name="tariffs1">New rate of every cell, in the baseline's line/supplier order (the array is kept, not copied).</param>
    /// <returns>The response, evaluated per elasticity scale.</returns>
    IRegimeResponse ForTariffs(double[] tariffs1);

    /// <summary>
    /// The responses to many tariff vectors at many scales, each equal bit for bit to
    /// <c>ForTariffs(tariffs1[v]).Evaluate(scales[x], …)</c> (implementations may share work between vectors).
    /// </summary>
    /// <param name="tariffs1">The tariff vectors.</param>
    /// <param name="scales">The elasticity scales.</param>
    /// <param name="supplierNew">Written: new imports by supplier, [(v × scales + x) × suppliers + k].</param>
    /// <param name="vietnamRevenue">Written: Vietnam's duty, [v × scales + x].</param>
    /// <param name="cancellationToken">Cancels.</param>
    void Tabulate(IReadOnlyList<double[]> tariffs1, double[] scales, double[] supplierNew, double[] vietnamRevenue, CancellationToken cancellationToken);
}
