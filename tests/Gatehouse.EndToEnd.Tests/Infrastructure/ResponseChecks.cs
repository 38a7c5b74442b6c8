namespace Gatehouse.EndToEnd.Tests.Infrastructure;

internal static class ResponseChecks
{
    /// <summary>Fails with the body in the message unless the answer is a success (2xx).</summary>
    public static async Task EnsureAcceptedAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"Expected a success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
