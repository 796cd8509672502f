using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SearchService.Server.Web;

/// <summary>
/// Marks the HTTP request of a call that reached the RPC pipeline, where the call interceptor logs it. A JSON route
/// refused before (a body that is not JSON, a parameter that is not a number) is then logged by
/// <see cref="HttpRequestLogging"/> instead, so every request has its one line.
/// </summary>
internal sealed class RpcReached : Interceptor
{
    private const string Key = "searchservice.rpcReached";

    public static bool Reached(HttpContext context) => context.Items.ContainsKey(Key);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, responseStream, context);
    }

    private static void Mark(ServerCallContext context) => context.GetHttpContext().Items[Key] = true;
}
