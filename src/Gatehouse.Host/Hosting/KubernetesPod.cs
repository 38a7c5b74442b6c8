namespace Gatehouse.Host.Hosting;

/// <summary>Whether this replica runs in a Kubernetes pod that exposes its name, namespace and IP (downward API).</summary>
internal static class KubernetesPod
{
    public static bool IsPresent(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["KUBERNETES_SERVICE_HOST"])
        && !string.IsNullOrEmpty(configuration["POD_NAME"])
        && !string.IsNullOrEmpty(configuration["POD_NAMESPACE"])
        && !string.IsNullOrEmpty(configuration["POD_IP"]);
}
