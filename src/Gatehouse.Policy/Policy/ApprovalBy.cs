namespace Gatehouse.Policy;

/// <summary>Who decides on a held call (<c>approval.by</c>). Absent means <see cref="Operator"/>.</summary>
public enum ApprovalBy
{
    /// <summary><c>"operator"</c> (the default): an operator through the admin API.</summary>
    Operator,

    /// <summary><c>"user"</c>: the agent's user, asked through the MCP client.</summary>
    User,
}
