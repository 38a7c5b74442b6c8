namespace Gatehouse.Grains;

/// <summary>
/// Marks a grain method that may be sent again when the silo it went to left the cluster before answering
/// (a replica stopped or killed), because running it twice does no harm: it reads, or its duplicate only wastes
/// what it reserved. The first attempt may have run, so a method whose repeat changes the outcome (giving a
/// reservation back twice) must not carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SafeToResendAttribute : Attribute;
