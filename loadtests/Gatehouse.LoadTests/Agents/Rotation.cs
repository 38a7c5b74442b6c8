namespace Gatehouse.LoadTests.Agents;

/// <summary>
/// The targets a load balancer sends requests to, in order. It may change while agents call (a replica added once
/// ready, removed before it stops), as a Kubernetes Service's endpoints do; each request sees one snapshot.
/// </summary>
internal sealed class Rotation(IEnumerable<Uri> targets)
{
    private Uri[] _targets = [.. targets];

    public IReadOnlyList<Uri> Current => Volatile.Read(ref _targets);

    public void Add(Uri target) => Change(current => current.Contains(target) ? current : [.. current, target]);

    public void Remove(Uri target) => Change(current => [.. current.Where(t => t != target)]);

    private void Change(Func<Uri[], Uri[]> change)
    {
        while (true)
        {
            var current = Volatile.Read(ref _targets);
            if (Interlocked.CompareExchange(ref _targets, change(current), current) == current)
            {
                return;
            }
        }
    }
}
