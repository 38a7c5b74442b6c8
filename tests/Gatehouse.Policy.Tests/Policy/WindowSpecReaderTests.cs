namespace Gatehouse.Policy.Tests;

public sealed class WindowSpecReaderTests
{
    private static string Window(string window) => Policies.WithLimit($$"""{ "counter": "c", "window": {{window}}, "max": 1 }""");

    [Theory]
    [InlineData("\"second\"", 1)]
    [InlineData("\"minute\"", 60)]
    [InlineData("\"hour\"", 3600)]
    [InlineData("\"day\"", 86_400)]
    [InlineData("90", 90)]
    [InlineData("1", 1)]
    [InlineData("31536000", 31_536_000)]
    public void Unit_names_and_whole_seconds_are_accepted(string window, int seconds)
    {
        Assert.Equal(new WindowSpec(seconds), Assert.Single(Policies.Valid(Window(window)).Tools["t"].Limits).Window);
    }

    [Fact]
    public void Unknown_unit_name_is_a_fault()
    {
        Policies.HasOnlyFault(Window("\"week\""), "tools.t.limits[0].window", "must be 'second', 'minute', 'hour', 'day' or a number of seconds, found 'week'");
    }

    [Fact]
    public void Seconds_given_as_a_string_are_a_fault()
    {
        Policies.HasOnlyFault(Window("\"60\""), "tools.t.limits[0].window", "found '60'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-60")]
    [InlineData("1.5")]
    [InlineData("31536001")]
    public void Seconds_outside_one_to_a_year_are_a_fault(string window)
    {
        Policies.HasOnlyFault(Window(window), "tools.t.limits[0].window", "must be a positive whole number of seconds, at most 31536000");
    }

    [Fact]
    public void Window_of_another_type_names_the_expected_types()
    {
        Policies.HasOnlyFault(Window("[60]"), "tools.t.limits[0].window", "must be a string ('second', 'minute', 'hour', 'day') or a number of seconds, found array");
    }

    [Fact]
    public void Missing_window_is_a_fault()
    {
        Policies.HasOnlyFault(Policies.WithLimit("""{ "counter": "c", "max": 1 }"""), "tools.t.limits[0].window", "is required");
    }
}
