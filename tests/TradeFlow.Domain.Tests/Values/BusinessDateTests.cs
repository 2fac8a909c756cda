using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class BusinessDateTests
{
    [Fact]
    public void A_date_knows_its_day_of_week()
    {
        Assert.Equal(DayOfWeek.Friday, new BusinessDate(2025, 3, 14).DayOfWeek);
        Assert.Equal(DayOfWeek.Monday, new BusinessDate(1, 1, 1).DayOfWeek);
        Assert.True(new BusinessDate(2025, 3, 15).IsSaturdayOrSunday);
    }

    [Fact]
    public void Dates_add_days_and_months_and_subtract()
    {
        var date = new BusinessDate(2024, 1, 31);

        Assert.Equal(new BusinessDate(2024, 2, 29), date.AddMonths(1));
        Assert.Equal(new BusinessDate(2024, 2, 1), date.AddDays(1));
        Assert.Equal(366, new BusinessDate(2025, 1, 1) - new BusinessDate(2024, 1, 1));
        Assert.True(date.IsEndOfMonth);
    }

    [Fact]
    public void Dates_use_iso_text()
    {
        Assert.Equal("2025-03-14", new BusinessDate(2025, 3, 14).ToString());
        Assert.Equal(new BusinessDate(2025, 3, 14), BusinessDate.Parse("2025-03-14"));
        Assert.False(BusinessDate.TryParse("14/03/2025", out _));
        Assert.False(BusinessDate.TryParse("2025-02-30", out _));
    }

    [Fact]
    public void Dates_compare_chronologically()
    {
        Assert.True(new BusinessDate(2025, 3, 14) < new BusinessDate(2025, 3, 17));
        Assert.Equal(new BusinessDate(2025, 3, 14), BusinessDate.FromDateOnly(new DateOnly(2025, 3, 14)));
    }
}
