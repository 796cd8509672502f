using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SearchService.Server.Interceptors;

/// <summary>
/// Writes exactly one log line per call: method, status code and elapsed milliseconds; Information for the
/// codes a caller causes, Warning for the others. It runs outside <see cref="ErrorMappingInterceptor"/>, so the
/// code it logs is the one the caller gets. It marks the HTTP request it logged, so that
/// <see cref="Web.HttpRequestLogging"/> logs only the requests refused before their RPC (a JSON body that does not
/// parse): every request has one line.
/// </summary>
internal sealed class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : Interceptor
{
    private const string LoggedKey = "searchservice.callLogged";

    /// <summary>Whether the request's call reached this interceptor, which writes its log line.</summary>
    public static bool Logged(HttpContext context) => context.Items.ContainsKey(LoggedKey);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        => Run(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        => Run(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        => Run(context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    private async Task<T> Run<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        var code = StatusCode.OK;
        context.GetHttpContext().Items[LoggedKey] = true;
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch
        {
            // Only when an interceptor inside the error mapping throws: the caller gets INTERNAL.
            code = StatusCode.Internal;
            throw;
        }
        finally
        {
            LogCall(context.Method, code, clock.Elapsed.TotalMilliseconds);
        }
    }

    private void LogCall(string method, StatusCode code, double elapsedMs)
    {
        if (code is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.Cancelled
            or StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            ServerLog.CallCompleted(logger, method, code, elapsedMs);
        }
        else
        {
            ServerLog.CallFailed(logger, method, code, elapsedMs);
        }
    }
}
