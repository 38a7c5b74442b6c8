using Gatehouse.Gateway.Following;
using Gatehouse.Grains.Policies;
using Gatehouse.Policy;
using Gatehouse.Policy.Json;

namespace Gatehouse.Gateway.Policies;

/// <summary>
/// Keeps this replica's policies in step with the cluster, followed by a <see cref="Follower{TState}"/>. At
/// start it offers each policy file to its policy grain and enforces what the grain holds (an admin change
/// made earlier outlives a restart). Then, each round, it re-reads the files (a valid change is offered to
/// the grain; an invalid one is logged with every fault and the policy in force stays) and picks up new
/// revisions from the grains, so a change reaches every replica within a second.
/// </summary>
internal sealed partial class PolicySync(PolicyStore store, PolicyFiles files, IGrainFactory grains, ILogger<PolicySync> logger)
    : IFollowedState
{
    private readonly Dictionary<string, string?> _lastFileSha = new(StringComparer.Ordinal);

    public IEnumerable<string> Parts => files.Upstreams;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var upstream in files.Upstreams)
        {
            var inForce = store.InForce(upstream);
            _lastFileSha[upstream] = Sha256Hex.Of(inForce.Json);
            var revision = await grains.GetGrain<IPolicyGrain>(upstream).ProposeFileAsync(inForce.Json, Sha256Hex.Of(inForce.Json));
            Adopt(upstream, revision);
        }
    }

    public async Task CatchUpAsync(string part, CancellationToken cancellationToken)
    {
        await CheckFileAsync(part);
        if (await grains.GetGrain<IPolicyGrain>(part).GetAsync() is { } revision)
        {
            Adopt(part, revision);
        }
    }

    public void LogFailure(string part, Exception exception) =>
        Log.SyncFailed(logger, part, exception.GetType().Name, exception.Message);

    private async Task CheckFileAsync(string upstream)
    {
        // Hashed before it is parsed: an unchanged file (nearly every round) costs a read and a hash.
        var file = files.Read(upstream, unlessSha256: _lastFileSha.GetValueOrDefault(upstream));
        if (file?.Sha256 is null)
        {
            return;
        }

        _lastFileSha[upstream] = file.Sha256;
        if (file.Document is null)
        {
            Log.FileRejected(logger, upstream, file.Path, string.Join("; ", file.Faults));
            return;
        }

        Adopt(upstream, await grains.GetGrain<IPolicyGrain>(upstream).ProposeFileAsync(file.Json!, file.Sha256));
    }

    private void Adopt(string upstream, PolicyRevision revision)
    {
        if (store.TryInForce(upstream, out var current) && current.Revision >= revision.Revision && current.Revision > 0)
        {
            return;
        }

        var parsed = PolicyParser.Parse(revision.Json);
        if (!parsed.IsValid)
        {
            // Only validated documents reach the grain; a stored one that no longer parses (a newer format) is not enforced.
            Log.RevisionRejected(logger, upstream, revision.Revision, string.Join("; ", parsed.Faults));
            return;
        }

        if (store.Adopt(upstream, new PolicyInForce(parsed.Policy!, revision.Json, revision.Revision, revision.Source)))
        {
            Log.Adopted(logger, upstream, revision.Revision, parsed.Policy!.Version, revision.Source);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Enforcing policy of {Upstream}: revision {Revision} (version {Version}, from {Source})")]
        public static partial void Adopted(ILogger logger, string upstream, long revision, string version, string source);

        [LoggerMessage(EventId = 1501, Level = LogLevel.Error, Message = "Policy file of {Upstream} ({Path}) is invalid and was not adopted; the policy in force stays: {Faults}")]
        public static partial void FileRejected(ILogger logger, string upstream, string path, string faults);

        [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "Revision {Revision} of the policy of {Upstream} does not parse and is not enforced: {Faults}")]
        public static partial void RevisionRejected(ILogger logger, string upstream, long revision, string faults);

        [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Could not check the policy of {Upstream}: {ErrorType}: {Error}")]
        public static partial void SyncFailed(ILogger logger, string upstream, string errorType, string error);
    }
}
