using System.IO.Compression;

namespace VietUsTrade.Sim.Data;

/// <summary>
/// Reads the gzip payload of a dataset file with a bound on its decompressed size, so a corrupt or hostile stream (a
/// "gzip bomb", a device that never ends) is refused while reading instead of exhausting memory (issue 15 item 2).
/// </summary>
internal static class CompressedPayload
{
    /// <summary>The largest decompressed payload accepted: 256 MiB (the bundled 2024 dataset is about 4 MB).</summary>
    public const int MaxDecompressedBytes = 256 * 1024 * 1024;

    /// <summary>Decompresses <paramref name="compressed"/> into memory, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="compressed">A gzip stream.</param>
    /// <param name="what">What the payload is, for the message ("Dataset", "Observed data").</param>
    /// <param name="maxBytes">The bound on the decompressed size.</param>
    /// <returns>The payload, positioned at its start.</returns>
    /// <exception cref="InvalidDataException">The stream is not gzip, is corrupt, or decompresses to more than the bound.</exception>
    public static MemoryStream Decompress(Stream compressed, string what, int maxBytes = MaxDecompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gz = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = gz.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                buffer.Dispose();
                throw new InvalidDataException($"{what} decompresses to more than {maxBytes:N0} bytes; refused.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>
    /// Whether an exception thrown while decoding a payload means the payload is corrupt: a value a record refuses at
    /// construction (range, finite, code format), a date out of range or an arithmetic overflow.
    /// </summary>
    /// <param name="ex">The exception.</param>
    /// <returns>True when it should be reported as <see cref="InvalidDataException"/>.</returns>
    public static bool IsCorruptValue(Exception ex) => ex is ArgumentException or FormatException or OverflowException;
}
