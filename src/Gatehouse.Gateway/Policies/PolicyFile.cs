using Gatehouse.Policy;

namespace Gatehouse.Gateway.Policies;

/// <summary>A policy file as read: null <see cref="Document"/> when it is missing or invalid (see <see cref="Faults"/>).</summary>
internal sealed record PolicyFile(string Upstream, string Path, string? Json, string? Sha256, PolicyDocument? Document, IReadOnlyList<string> Faults);
