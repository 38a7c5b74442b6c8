namespace Gatehouse.Host.OperatorConsole;

/// <summary>Refuses, with 403, a state change of the admin API made with the console cookie but without its anti-forgery token.</summary>
internal sealed class ConsoleAntiforgeryFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ConsoleAntiforgery.Allows(context.HttpContext)
            ? next(context)
            : ValueTask.FromResult<object?>(ConsoleAntiforgery.Refusal(context.HttpContext.Request));
}
