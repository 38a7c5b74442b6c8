namespace Gatehouse.Deployment.Tests.Infrastructure;

/// <summary>Asserts a list of found problems is empty, printing every problem in full (Assert.Empty would cut them short).</summary>
internal static class Problems
{
    public static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{list.Count} problem(s):\n  " + string.Join("\n  ", list));
        }
    }
}
