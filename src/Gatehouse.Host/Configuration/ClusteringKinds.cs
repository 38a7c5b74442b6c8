namespace Gatehouse.Host.Configuration;

public static class ClusteringKinds
{
    public const string Localhost = "Localhost";

    public const string AdoNet = "AdoNet";
}
