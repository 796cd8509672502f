using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using SearchService.Core.Errors;
using SearchService.Server.Hosting;

namespace SearchService.Server.Interceptors;

/// <summary>
/// Turns Core's exceptions into gRPC status codes (bad input → INVALID_ARGUMENT with the field, a missing
/// document → NOT_FOUND, a stopped call → CANCELLED or DEADLINE_EXCEEDED, anything else → INTERNAL, logged with
/// its stack), and gives each unary call the server's time limit on its token. Services hold no try/catch.
/// </summary>
internal sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, IOptions<LimitsOptions> limits) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        => Run(context, withTimeout: true, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        => Run(context, withTimeout: false, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        => Run(context, withTimeout: false, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    private async Task<T> Run<T>(ServerCallContext context, bool withTimeout, Func<Task<T>> call)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (withTimeout)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(limits.Value.CallTimeoutSeconds));
        }

        context.SetCallToken(timeout.Token);
        try
        {
            return await call();
        }
        catch (Exception e)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException rpc:
                return rpc;
            case InvalidRequestException invalid:
                var status = new Google.Rpc.Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = invalid.Message,
                    Details =
                    {
                        Any.Pack(new BadRequest
                        {
                            FieldViolations = { new BadRequest.Types.FieldViolation { Field = invalid.Field, Description = invalid.Reason } },
                        }),
                    },
                };
                return status.ToRpcException();
            case DocumentNotFoundException notFound:
                return new RpcException(new Grpc.Core.Status(StatusCode.NotFound, notFound.Message));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return context.Deadline <= DateTime.UtcNow
                    ? new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "the call's deadline passed; its work was stopped"))
                    : new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "the call was cancelled; its work was stopped"));
            case OperationCanceledException when context.CallToken().IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded,
                    $"the call ran longer than the server's limit of {limits.Value.CallTimeoutSeconds} s (Limits:CallTimeoutSeconds); narrow it"));
            default:
                ServerLog.UnhandledError(logger, exception, context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "internal error; the server log has the details"));
        }
    }
}
