namespace Gatehouse.Gateway.Configuration;

public static class ClusteringKinds
{
    public const string Localhost = "Localhost";

    public const string AdoNet = "AdoNet";
}
