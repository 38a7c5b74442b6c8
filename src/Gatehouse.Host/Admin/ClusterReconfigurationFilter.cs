using System.Globalization;

namespace Gatehouse.Host.Admin;

/// <summary>
/// Around every admin endpoint: a grain call that fails because the cluster is reconfiguring (a replica
/// died or left a moment ago) is not an error of the request. A GET or HEAD is run again on the
/// <see cref="AdminRetrySchedule"/>; a request that changes something is run once, since its first
/// attempt may have taken effect before the silo went away. What still fails is answered 503 with
/// <c>Retry-After</c> and a problem body that names what failed, never an unexplained 500. So is a request that
/// needed PostgreSQL while it did not answer: not retried here, since the database is not back in seconds.
/// </summary>
internal sealed partial class ClusterReconfigurationFilter(AdminRetrySchedule schedule, TimeProvider time, ILogger<ClusterReconfigurationFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var path = request.Path.ToString();
        var retries = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? schedule.Delays : [];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (ClusterReconfiguration.CauseOf(ex) is { } cause)
            {
                if (attempt >= retries.Count)
                {
                    Log.Unavailable(logger, request.Method, path, attempt + 1, cause.GetType().Name);
                    return Unavailable(context.HttpContext, attempt + 1, cause);
                }

                Log.Retrying(logger, request.Method, path, attempt + 1, cause.GetType().Name);
                await Task.Delay(retries[attempt], time, context.HttpContext.RequestAborted);
            }
            catch (Exception ex) when (DatabaseUnavailability.CauseOf(ex) is { } cause)
            {
                Log.DatabaseUnavailable(logger, request.Method, path, cause.GetType().Name, cause.Message);
                return DatabaseUnavailable(context.HttpContext, cause);
            }
        }
    }

    private IResult DatabaseUnavailable(HttpContext context, Exception cause)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(schedule.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The database is unavailable",
            detail: $"{context.Request.Method} {context.Request.Path} needs the database (PostgreSQL), which did not answer: {cause.Message.TrimEnd('.')}. "
                + "Nothing was changed; try again once it is back. Agents' calls are still served from memory.");
    }

    private IResult Unavailable(HttpContext context, int attempts, Exception cause)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(schedule.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The cluster is reconfiguring",
            detail: $"{context.Request.Method} {context.Request.Path} could not reach the cluster state it needs after {attempts} attempt(s): "
                + $"{cause.GetType().Name}: {cause.Message.TrimEnd('.')}. A replica joined or left a moment ago; try again.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "Admin {Method} {Path}: attempt {Attempt} met a cluster change ({ErrorType}); retrying")]
        public static partial void Retrying(ILogger logger, string method, string path, int attempt, string errorType);

        [LoggerMessage(EventId = 1801, Level = LogLevel.Warning, Message = "Admin {Method} {Path}: still no answer from the cluster after {Attempts} attempt(s) ({ErrorType}); answered 503")]
        public static partial void Unavailable(ILogger logger, string method, string path, int attempts, string errorType);

        [LoggerMessage(EventId = 1802, Level = LogLevel.Warning, Message = "Admin {Method} {Path}: the database did not answer ({ErrorType}: {Error}); answered 503")]
        public static partial void DatabaseUnavailable(ILogger logger, string method, string path, string errorType, string error);
    }
}
