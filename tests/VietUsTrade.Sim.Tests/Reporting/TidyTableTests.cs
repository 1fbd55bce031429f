using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Reporting;

public sealed class TidyTableTests
{
    [Fact]
    public void Csv_quotes_only_what_needs_quoting_and_writes_round_trip_numbers()
    {
        var t = new TidyTable("name", "value", "note");
        t.Add("plain", 0.1, null);
        t.Add("a,b", 1e-17, "say \"hi\"");
        t.Add("line\nbreak", 3, " padded ");
        Assert.Equal("name,value,note\nplain,0.1,\n\"a,b\",1E-17,\"say \"\"hi\"\"\"\n\"line\nbreak\",3, padded \n", t.ToCsv());
        Assert.True(t.IsNumeric(1));
        Assert.False(t.IsNumeric(2));
    }

    [Fact]
    public void Json_is_an_array_of_objects_keyed_by_column()
    {
        var t = new TidyTable("scenario", "value");
        t.Add("đồng", 2.5);
        t.Add("x", null);
        Assert.Equal("[\n  {\n    \"scenario\": \"đồng\",\n    \"value\": 2.5\n  },\n  {\n    \"scenario\": \"x\",\n    \"value\": null\n  }\n]", t.ToJson().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Rows_are_checked_when_added()
    {
        var t = new TidyTable("a", "b");
        Assert.Throws<ArgumentException>(() => t.Add("x"));
        Assert.Throws<ArgumentException>(() => t.Add("x", double.NaN));
        Assert.Throws<ArgumentException>(() => t.Add("x", DateTime.Now));
        Assert.Throws<ArgumentException>(() => new TidyTable("a", "a"));
        Assert.Empty(t.Rows);
    }
}
