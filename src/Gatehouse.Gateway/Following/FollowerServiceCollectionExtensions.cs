namespace Gatehouse.Gateway.Following;

internal static class FollowerServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TState"/> (one instance, which others may use too) and its follower.</summary>
    public static IServiceCollection AddFollower<TState>(this IServiceCollection services)
        where TState : class, IFollowedState =>
        services.AddSingleton<TState>().AddHostedService<Follower<TState>>();
}
