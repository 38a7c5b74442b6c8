using Gatehouse.Grains.Policies;

namespace Gatehouse.Grains;

/// <summary>Holds one upstream's policy in force; each adoption is saved before it is answered.</summary>
internal sealed class PolicyGrain(IPolicyRevisionStore store, TimeProvider time) : Grain, IPolicyGrain
{
    private PolicyRevision? _current;

    private string Upstream => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _current = await store.LoadAsync(Upstream, cancellationToken);

    public ValueTask<PolicyRevision?> GetAsync() => ValueTask.FromResult(_current);

    public async ValueTask<PolicyRevision> ProposeFileAsync(string json, string contentSha256)
    {
        if (_current is not null && _current.LastFileSha256 == contentSha256)
        {
            return _current;
        }

        return await AdoptAsync(json, "file", contentSha256, contentSha256);
    }

    public ValueTask<PolicyRevision> PutAsync(string json, string contentSha256) =>
        AdoptAsync(json, "admin", contentSha256, _current?.LastFileSha256);

    private async ValueTask<PolicyRevision> AdoptAsync(string json, string source, string contentSha256, string? lastFileSha256)
    {
        var next = new PolicyRevision(json, (_current?.Revision ?? 0) + 1, source, contentSha256, time.GetUtcNow(), lastFileSha256);
        await store.SaveAsync(Upstream, next, CancellationToken.None);
        _current = next;
        return next;
    }
}
