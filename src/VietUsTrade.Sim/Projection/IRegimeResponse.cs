namespace VietUsTrade.Sim.Projection;

/// <summary>One regime's import response (<see cref="IResponseModel.ForTariffs"/>). Not thread-safe unless stated by the implementation.</summary>
internal interface IRegimeResponse
{
    /// <summary>New imports by supplier and Vietnam's new duty, with every line's σ and ε multiplied by <paramref name="scale"/>.</summary>
    /// <param name="scale">Elasticity scale κ &gt; 0.</param>
    /// <param name="supplierNew">New imports by supplier index (written).</param>
    /// <param name="vietnamRevenue">Duty on imports from Vietnam.</param>
    void Evaluate(double scale, Span<double> supplierNew, out double vietnamRevenue);
}
