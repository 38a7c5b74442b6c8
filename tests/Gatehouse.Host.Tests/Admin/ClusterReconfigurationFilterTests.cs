using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.Grains.Approvals;
using Gatehouse.Host.Admin;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Gatehouse.Host.Tests.Admin;

/// <summary>
/// The admin API while the cluster reconfigures, on a whole replica in this process (composed as
/// <c>Program.cs</c> composes it), whose grain calls fail as Orleans fails them when a silo is gone.
/// Retries wait no time here (the schedule is the test's), so nothing waits on the clock.
/// </summary>
public sealed class ClusterReconfigurationFilterTests : IAsyncLifetime
{
    private const string AdminToken = "admin-token-of-the-filter-tests";

    private static readonly AdminRetrySchedule TwoRetries = new([TimeSpan.Zero, TimeSpan.Zero], TimeSpan.FromSeconds(7));

    private readonly FailingGrainCalls _failures = new();
    private readonly AdminApi _admin = new(AdminToken);
    private readonly string _folder = Directory.CreateTempSubdirectory("gatehouse-admin-").FullName;
    private InProcessReplica? _replica;

    private Uri Replica => _replica!.BaseUrl;

    public async Task InitializeAsync()
    {
        _replica = await InProcessReplica.StartAsync(QuietReplicaConfig.Write(_folder, gatehouse => gatehouse["AdminTokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminToken)))), builder =>
        {
            builder.Services.AddSingleton<IOutgoingGrainCallFilter>(_failures);
            builder.Services.AddSingleton(TwoRetries);
        });
    }

    public async Task DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string> MembershipFailures => [nameof(SiloUnavailableException), nameof(OrleansMessageRejectionException), nameof(TimeoutException)];

    [Theory]
    [MemberData(nameof(MembershipFailures))]
    public async Task A_get_whose_grain_stays_unreachable_is_answered_503_with_retry_after_and_a_problem_naming_the_failure(string failure)
    {
        _failures.Fail(typeof(IApprovalIndexGrain), int.MaxValue, () => Failure(failure));

        var answer = await _admin.SendAsync(HttpMethod.Get, Replica, "/admin/approvals");

        var problem = answer.Expect(HttpStatusCode.ServiceUnavailable)!;
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("7", answer.RetryAfter);
        Assert.Equal(503, (int)problem["status"]!);
        Assert.Equal("The cluster is reconfiguring", (string?)problem["title"]);
        Assert.Contains("GET /admin/approvals", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains($"after 3 attempt(s): {failure}: membership is changing", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(1 + TwoRetries.Delays.Count, _failures.Calls);
    }

    [Fact]
    public async Task A_get_is_answered_once_the_grain_is_reachable_again_within_the_retries()
    {
        _failures.Fail(typeof(IApprovalIndexGrain), 2, () => Failure(nameof(SiloUnavailableException)));

        var approvals = await _admin.GetAsync(Replica, "/admin/approvals");

        Assert.Equal(new JsonArray().ToJsonString(), approvals["approvals"]!.ToJsonString());
        Assert.Equal(3, _failures.Calls);
    }

    [Fact]
    public async Task A_request_that_changes_something_is_not_run_twice_and_is_answered_503()
    {
        _failures.Fail(typeof(IApprovalGrain), int.MaxValue, () => Failure(nameof(SiloUnavailableException)));

        var answer = await _admin.SendAsync(HttpMethod.Post, Replica, "/admin/approvals/some-id/approve");

        var problem = answer.Expect(HttpStatusCode.ServiceUnavailable)!;
        Assert.Equal("7", answer.RetryAfter);
        Assert.Contains("POST /admin/approvals/some-id/approve", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(1, _failures.Calls);
    }

    [Fact]
    public async Task Any_other_failure_is_not_taken_for_a_cluster_change()
    {
        _failures.Fail(typeof(IApprovalIndexGrain), int.MaxValue, () => new InvalidOperationException("a bug"));

        var answer = await _admin.SendAsync(HttpMethod.Get, Replica, "/admin/approvals");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal(1, _failures.Calls);
    }

    private static Exception Failure(string name) => name switch
    {
        nameof(SiloUnavailableException) => new SiloUnavailableException("membership is changing"),
        // Orleans makes this one itself (its constructors are not public).
        nameof(OrleansMessageRejectionException) => (Exception)Activator.CreateInstance(
            typeof(OrleansMessageRejectionException), BindingFlags.Instance | BindingFlags.NonPublic, null, ["membership is changing"], null)!,
        nameof(TimeoutException) => new TimeoutException("membership is changing"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
