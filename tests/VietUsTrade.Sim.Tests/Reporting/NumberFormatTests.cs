using VietUsTrade.Sim.Reporting;
using Xunit;

namespace VietUsTrade.Sim.Tests.Reporting;

public class NumberFormatTests
{
    [Fact]
    public void Dollars_put_the_real_minus_before_the_currency()
    {
        Assert.Equal("\u2212$128.3 bn", NumberFormat.UsdBillions(-128.317e9));
        Assert.Equal("$13.0 bn", NumberFormat.UsdBillions(13.044e9));
        Assert.Equal("$1,234.57 bn", NumberFormat.UsdBillions(1234.567e9, 2));
        Assert.Equal("$0.0 bn", NumberFormat.UsdBillions(-0.01e9));   // rounds to zero: no sign
    }

    [Fact]
    public void Changes_carry_one_sign_and_zero_none()
    {
        Assert.Equal("+0.60", NumberFormat.Change(0.6));
        Assert.Equal("\u22120.60", NumberFormat.Change(-0.6));
        Assert.Equal("0.00", NumberFormat.Change(-0.001));
        Assert.Equal("0.00", NumberFormat.Change(0.004));
        Assert.Equal("+0.004", NumberFormat.Change(0.004, 3));
        Assert.Equal("\u2212128.3", NumberFormat.Number(-128.317));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Number(1, -1));
    }

    [Fact]
    public void Counts_use_the_singular_for_one()
    {
        Assert.Equal("1 line", NumberFormat.Count(1, "line"));
        Assert.Equal("0 lines", NumberFormat.Count(0, "line"));
        Assert.Equal("3,331 lines", NumberFormat.Count(3331, "line"));
        Assert.Equal("2 countries", NumberFormat.Count(2, "country", "countries"));
    }

    [Fact]
    public void Percentages_keep_the_invariant_layout_with_the_real_minus()
    {
        Assert.Equal("12.3 %", NumberFormat.Percent(0.1234));
        Assert.Equal("\u22120.40 %", NumberFormat.Percent(-0.004, 2));
        Assert.Equal("0.0 %", NumberFormat.Percent(-0.0001));   // rounds to zero: no sign
        Assert.Equal("100 %", NumberFormat.Percent(1, 0));
        Assert.Equal((0.0115).ToString("P1", System.Globalization.CultureInfo.InvariantCulture), NumberFormat.Percent(0.0115));
    }
}
