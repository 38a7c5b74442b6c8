namespace Gatehouse.Deployment.Tests.Dockerfile;

/// <summary>One build stage: <c>FROM image [AS name]</c> and the instructions after it.</summary>
internal sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>The last instruction with this keyword (the one in force), or null.</summary>
    public DockerInstruction? Last(string keyword) => All(keyword).LastOrDefault();
}
