namespace Gatehouse.Gateway.Configuration;

/// <summary>How this replica joins the Orleans cluster (<c>Gatehouse:Cluster</c>).</summary>
public sealed class ClusterSettings
{
    /// <summary><c>Localhost</c> (default: one replica, no database) or <c>AdoNet</c> (PostgreSQL membership).</summary>
    public string Clustering { get; set; } = ClusteringKinds.Localhost;

    /// <summary>PostgreSQL connection string, required for <c>AdoNet</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Orleans cluster id; replicas with the same id form one cluster. Default <c>gatehouse</c>.</summary>
    public string ClusterId { get; set; } = "gatehouse";

    /// <summary>Orleans service id; stable across deployments. Default <c>gatehouse</c>.</summary>
    public string ServiceId { get; set; } = "gatehouse";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address other replicas reach this one at (<c>AdoNet</c> only); in Kubernetes, the pod IP. Default 127.0.0.1.</summary>
    public string? AdvertisedAddress { get; set; }
}
