using System.Globalization;
using System.Text;

namespace Gatehouse.Gateway.Front.Messages;

/// <summary>Where the inspector is in a message (<c>params.arguments.items[2]</c>), written out only for a fault.</summary>
internal sealed class MessagePath
{
    private readonly List<(string? Member, int Index)> _segments = [];

    public int Depth => _segments.Count;

    public void PushMember(string name) => _segments.Add((name, -1));

    public void PushIndex(int index) => _segments.Add((null, index));

    public void SetIndex(int index) => _segments[^1] = (null, index);

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>The path with <paramref name="member"/> appended; the message's root is written as <c>(root)</c>.</summary>
    public string With(string? member)
    {
        var text = new StringBuilder();
        foreach (var (name, index) in _segments)
        {
            Append(text, name, index);
        }

        if (member is not null)
        {
            Append(text, member, -1);
        }

        return text.Length == 0 ? "(root)" : text.ToString();
    }

    private static void Append(StringBuilder text, string? member, int index)
    {
        if (member is null)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{index}]");
        }
        else
        {
            text.Append(text.Length == 0 ? string.Empty : ".").Append(member);
        }
    }
}
