using VietUsTrade.Sim.Data;
using VietUsTrade.Sim.Data.Csv;
using VietUsTrade.Sim.Models.GeneralEquilibrium;
using Xunit;

namespace VietUsTrade.Sim.Tests.Data;

/// <summary>The data layer's one CSV reader and the GE datasets read through it: every error names file, line, column and value.</summary>
public sealed class GeDataReadingTests() : TempFolderTest("vus-gedata-")
{
    private const string Elasticities = "sector,source_code,source_function,trade_elasticity_epsilon,sigma\nA01,BSY,bsy,4,5\nSERV,BSY,bsy,2,3\n";

    [Fact]
    public void Strict_csv_reads_quoted_fields_and_skips_blank_lines()
    {
        var rows = StrictCsv.Read(new StringReader("a,b\r\n\"x, y\",1.5\r\n\r\nz,2\r\n"), "t.csv", ["a", "b"]);
        Assert.Equal(["x, y", "z"], rows.Select(r => r.Text(0)));
        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal(1.5, rows[0].Number(1));
    }

    [Fact]
    public void Strict_csv_files_are_cut_off_at_their_limit_while_reading()
    {
        // A device that never ends (File.Exists is true, its length 0) is refused once 256 MiB have been read, not read
        // into memory until it runs out (the data layer reads through BoundedInput like every other input).
        var ex = Assert.Throws<InvalidDataException>(() => StrictCsv.ReadFile("/dev/zero", ["a", "b"]));
        Assert.Contains("/dev/zero", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_csv_names_a_missing_an_unknown_and_a_misplaced_column()
    {
        var missing = Assert.Throws<DataFileException>(() => StrictCsv.Read(new StringReader("a\n1\n"), "t.csv", ["a", "b"]));
        Assert.Equal("t.csv, line 1, field 'b', value 'a': required column is missing", missing.Message);
        var unknown = Assert.Throws<DataFileException>(() => StrictCsv.Read(new StringReader("a,b,c\n1,2,3\n"), "t.csv", ["a", "b"]));
        Assert.Equal("t.csv, line 1, field 'c', value 'c': unknown column; expected a,b", unknown.Message);
        var order = Assert.Throws<DataFileException>(() => StrictCsv.Read(new StringReader("b,a\n1,2\n"), "t.csv", ["a", "b"]));
        Assert.Contains("out of order", order.Message, StringComparison.Ordinal);
        var width = Assert.Throws<DataFileException>(() => StrictCsv.Read(new StringReader("a,b\n1,2\n3\n"), "t.csv", ["a", "b"]));
        Assert.Equal(3, width.Line);
        var empty = Assert.Throws<DataFileException>(() => StrictCsv.Read(new StringReader(string.Empty), "t.csv", ["a"]));
        Assert.Contains("no header", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Icio_csv_with_a_bad_value_names_file_line_column_and_value()
    {
        Write("icio_2022_bilateral_by_sector_usd_m.csv", "year,exporter,importer,sector,value_usd_m\n2022,USA,VNM,A01,1.5\n2022,VNM,USA,A01,lots\n");
        Write("trade_elasticities_by_icio_sector_tariffwar.csv", Elasticities);
        var ex = Assert.Throws<DataFileException>(() => IcioDataset.FromCsv(Dir));
        Assert.EndsWith("icio_2022_bilateral_by_sector_usd_m.csv, line 3, field 'value_usd_m', value 'lots': is not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Icio_csv_rejects_a_negative_flow_and_reads_a_good_one()
    {
        Write("trade_elasticities_by_icio_sector_tariffwar.csv", Elasticities);
        Write("icio_2022_bilateral_by_sector_usd_m.csv", "year,exporter,importer,sector,value_usd_m\n2022,USA,VNM,A01,-1\n");
        Assert.Contains("value '-1': must be non-negative", Assert.Throws<DataFileException>(() => IcioDataset.FromCsv(Dir)).Message, StringComparison.Ordinal);
        Write("icio_2022_bilateral_by_sector_usd_m.csv", "year,exporter,importer,sector,value_usd_m\n2022,USA,VNM,A01,1.5\n2022,VNM,VNM,SERV,2\n2022,USA,USA,A01,3\n");
        var d = IcioDataset.FromCsv(Dir);
        Assert.Equal(["USA", "VNM"], d.Baseline.Countries);
        Assert.Equal(1.5e6, d.Baseline.Flow(0, 0, 1));
        Assert.Equal(3.0, d.Elasticities("bsy").ThetaBySector["SERV"] + 1);
    }

    [Fact]
    public void Baci_csv_with_an_unknown_country_or_column_names_it()
    {
        Write("countries_gdp_and_liberation_day_rate.csv", "iso3,country_id,country_name,gdp_usd_current,gdp_latest_year_min,gdp_latest_year_max,liberation_day_applied_tariff\nUSA,1,United States,1e9,2023,2023,0\nVNM,2,Viet Nam,1e8,2023,2023,.46\n");
        Write("baci_hs22_2023_goods_exports_194x194_usd_thousand.csv", "exporter,importer,value_usd_thousand\nVNM,USA,10\nVNM,XXX,1\n");
        var ex = Assert.Throws<DataFileException>(() => BaciDataset.FromCsv(Dir));
        Assert.Equal((3, "importer", "XXX"), (ex.Line, ex.Field, ex.Value));
        Write("baci_hs22_2023_goods_exports_194x194_usd_thousand.csv", "exporter,importer,value_usd\nVNM,USA,10\n");
        Assert.Equal("value_usd_thousand", Assert.Throws<DataFileException>(() => BaciDataset.FromCsv(Dir)).Field);
        Write("baci_hs22_2023_goods_exports_194x194_usd_thousand.csv", "exporter,importer,value_usd_thousand\nVNM,USA,10\n");
        var d = BaciDataset.FromCsv(Dir);
        Assert.Equal(10_000.0, d.Baseline.Flow(0, 1, 0));
        Assert.Equal(0.46, d.LiberationDayRates["VNM"]);
    }
}
