using System.Diagnostics;
using Grpc.AspNetCore.Server;
using SearchService.Server.Interceptors;

namespace SearchService.Server.Web;

/// <summary>
/// One log line per HTTP request that is not an RPC (the page's files, the OpenAPI document, unknown paths) or
/// that was refused before reaching its RPC (a JSON body that does not parse): method, path, status and duration.
/// RPCs, whether gRPC, gRPC-Web or JSON, are logged by the call interceptor.
/// </summary>
internal sealed class HttpRequestLogging(RequestDelegate next, ILogger<HttpRequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is null || !CallLoggingInterceptor.Logged(context))
            {
                ServerLog.HttpRequest(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, clock.Elapsed.TotalMilliseconds);
            }
        }
    }
}
