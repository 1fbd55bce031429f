// Smoke test of the packed VietUsTrade.Sim.Plotting package: draw the README's chart to a PNG and check the file.
// Exit code 0 = pass; 1 = a check failed (the reason is printed on one line).
var folder = Directory.CreateTempSubdirectory("vietus-plotting-smoke").FullName;
try
{
    var png = ReadmeExample.Run(folder);
    var bytes = File.ReadAllBytes(png);
    byte[] magic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if (bytes.Length < 20_000 || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
    {
        Console.Error.WriteLine($"plotting package smoke: FAILED: {png} is not a chart PNG ({bytes.Length} bytes)");
        return 1;
    }

    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"plotting package smoke: OK: VietUsTrade.Sim.Plotting {typeof(VietUsTrade.Sim.Plotting.EtrChart).Assembly.GetName().Version}; {bytes.Length:N0}-byte PNG"));
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
