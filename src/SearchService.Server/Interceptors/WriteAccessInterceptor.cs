using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using SearchService.Server.Hosting;

namespace SearchService.Server.Interceptors;

/// <summary>
/// Write RPCs need the configured API key in the x-api-key header, compared in constant time: a missing
/// or wrong key is UNAUTHENTICATED; with no key configured writes are PERMISSION_DENIED unless anonymous
/// writes are explicitly allowed. Read RPCs pass untouched.
/// </summary>
internal sealed class WriteAccessInterceptor(IOptions<SecurityOptions> options) : Interceptor
{
    private static readonly HashSet<string> WriteMethods =
    [
        "/searchservice.v1.IndexService/IngestDocuments",
        "/searchservice.v1.IndexService/DeleteDocument",
    ];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        if (!WriteMethods.Contains(context.Method))
        {
            return;
        }

        var configured = options.Value.ApiKey;
        if (string.IsNullOrEmpty(configured))
        {
            if (options.Value.AllowAnonymousWrites)
            {
                return;
            }

            throw new RpcException(new Status(StatusCode.PermissionDenied,
                "writes are disabled: no Security:ApiKey is configured (set one, or Security:AllowAnonymousWrites=true)"));
        }

        var sent = context.RequestHeaders.GetValue(SecurityOptions.ApiKeyHeader);
        if (sent is null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"this call needs the API key in the '{SecurityOptions.ApiKeyHeader}' header"));
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(sent));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "the API key is not valid"));
        }
    }
}
