namespace Gatehouse.EndToEnd.Tests.Console;

/// <summary>
/// A test that only runs when <c>GATEHOUSE_CONSOLE_SCREENSHOTS=1</c>: it rewrites the pictures in <c>docs/console/</c>,
/// which the README shows; the test command does not regenerate them on every run.
/// </summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public const string Variable = "GATEHOUSE_CONSOLE_SCREENSHOTS";

    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Writes docs/console/*.png; run with {Variable}=1.";
        }
    }
}
