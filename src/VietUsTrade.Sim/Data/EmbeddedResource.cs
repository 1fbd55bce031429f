namespace VietUsTrade.Sim.Data;

/// <summary>Opens a resource embedded in the VietUsTrade.Sim assembly (the GE datasets' compact copies).</summary>
internal static class EmbeddedResource
{
    /// <summary>Opens the resource.</summary>
    /// <param name="name">Its logical name, e.g. "VietUsTrade.Sim.icio2022_ge.bin.gz".</param>
    /// <returns>The stream (dispose it).</returns>
    /// <exception cref="InvalidDataException">The resource is not in the assembly.</exception>
    public static Stream Open(string name) =>
        typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing from the VietUsTrade.Sim assembly.");
}
