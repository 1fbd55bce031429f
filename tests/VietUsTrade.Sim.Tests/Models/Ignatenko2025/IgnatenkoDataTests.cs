using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Ignatenko;
using VietUsTrade.Sim.Models.Ignatenko2025;
using Xunit;

namespace VietUsTrade.Sim.Tests.Models.Ignatenko2025;

public class IgnatenkoDataTests
{
    [Fact]
    public void Embedded_files_are_byte_identical_to_the_shared_raw_files()
    {
        string? raw = IgnatenkoFixture.SharedRawDirectory();
        if (raw is null)
        {
            Assert.Skip("../shared/data/raw/ignatenko2025 is not present next to this checkout.");
        }

        var embedded = IgnatenkoSource.ReadEmbeddedFiles();
        Assert.Equal(4, embedded.Count);
        foreach (var (name, text) in embedded)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(raw, name)), text);
        }
    }

    [Fact]
    public void Loading_from_the_shared_folder_gives_the_embedded_data()
    {
        string? raw = IgnatenkoFixture.SharedRawDirectory();
        if (raw is null)
        {
            Assert.Skip("../shared/data/raw/ignatenko2025 is not present next to this checkout.");
        }

        var a = IgnatenkoData.LoadFromDirectory(raw);
        var b = IgnatenkoData.LoadEmbedded();
        Assert.Equal(b.Iso3, a.Iso3);
        Assert.Equal(b.GdpUsd, a.GdpUsd);
        Assert.Equal(b.AppliedTariffs, a.AppliedTariffs);
        for (int j = 0; j < a.Count; j++)
        {
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal(b.Trade(j, i), a.Trade(j, i));
            }
        }
    }

    [Fact]
    public void Loading_from_a_user_folder_with_the_replication_layout_works()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "country_labels.csv"), "iso3,iso_code,CountryName\r\nUSA,1,United States\r\nVNM,2,Vietnam\r\nCHN,3,China\r\n");
            File.WriteAllText(Path.Combine(dir, "trade_cepii.csv"), "export_ij1,export_ij2,export_ij3\n,10,20\n30,,.5\n40,5,\n");
            File.WriteAllText(Path.Combine(dir, "gdp.csv"), "gdp\r\n1000000\r\n200000\r\n500000\r\n");
            File.WriteAllText(Path.Combine(dir, "tariffs.csv"), "applied_tariff\r\n0\r\n.46\r\n.54\r\n");
            var d = IgnatenkoData.LoadFromDirectory(dir);
            Assert.Equal(["USA", "VNM", "CHN"], d.Iso3);
            Assert.Equal(30.0, d.Trade(1, 0));
            Assert.Equal(0.5, d.Trade(1, 2));
            Assert.Equal(0.0, d.Trade(2, 2));
            Assert.Equal(0.46, d.AppliedTariffs[1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Missing_folder_or_file_is_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => IgnatenkoData.LoadFromDirectory("/nonexistent/ign"));
        string dir = Path.Combine(Path.GetTempPath(), "ign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var ex = Assert.Throws<FileNotFoundException>(() => IgnatenkoData.LoadFromDirectory(dir));
            Assert.Contains("trade_cepii.csv", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Bad_values_name_the_field_and_the_value()
    {
        var trade = new double[2, 2] { { 0, 1 }, { -2, 0 } };
        var ex = Assert.Throws<ArgumentException>(() => new IgnatenkoData(["USA", "VNM"], ["a", "b"], trade, [1.0, 1.0], [0.0, 0.0]));
        Assert.Contains("trade[VNM->USA] = -2", ex.Message, StringComparison.Ordinal);
        var ex2 = Assert.Throws<ArgumentException>(() => new IgnatenkoData(["USA", "USA"], ["a", "b"], new double[2, 2], [1.0, 1.0], [0.0, 0.0]));
        Assert.Contains("'USA' is duplicated", ex2.Message, StringComparison.Ordinal);
        var ex3 = Assert.Throws<ArgumentException>(() => new IgnatenkoData(["USA", "VNM"], ["a", "b"], new double[2, 2], [1.0, double.NaN], [0.0, 0.0]));
        Assert.Contains("gdpUsd[VNM] = NaN", ex3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_a_malformed_cell()
    {
        var ex = Assert.Throws<DataFileException>(() => IgnatenkoData.Parse(
            "export_ij1,export_ij2\n,x\n1,\n", "gdp\n1\n1\n", "applied_tariff\n0\n0\n", "iso3,iso_code,CountryName\nUSA,1,US\nVNM,2,VN\n"));
        Assert.Equal("trade_cepii.csv, line 2, field 'export_ij2', value 'x': is not a number", ex.Message);
        Assert.Equal((2, "export_ij2", "x"), (ex.Line, ex.Field, ex.Value));
    }

    [Fact]
    public void Parse_rejects_an_unknown_or_missing_column_naming_it()
    {
        var unknown = Assert.Throws<DataFileException>(() => IgnatenkoData.Parse(
            "export_ij1,export_ij2\n,1\n1,\n", "gdp\n1\n1\n", "tariff\n0\n0\n", "iso3,iso_code,CountryName\nUSA,1,US\nVNM,2,VN\n"));
        Assert.Equal(("tariffs.csv", 1, "applied_tariff"), (unknown.File, unknown.Line, unknown.Field));
        var extra = Assert.Throws<DataFileException>(() => IgnatenkoData.Parse(
            "export_ij1,export_ij2\n,1\n1,\n", "gdp,year\n1,2023\n1,2023\n", "applied_tariff\n0\n0\n", "iso3,iso_code,CountryName\nUSA,1,US\nVNM,2,VN\n"));
        Assert.Contains("field 'year'", extra.Message, StringComparison.Ordinal);
        Assert.Contains("unknown column", extra.Message, StringComparison.Ordinal);
    }
}
