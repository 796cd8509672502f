using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;
using SearchService.Core.Errors;
using SearchService.Server.Hosting;

namespace SearchService.Server.Interceptors;

/// <summary>
/// Maps Core's exceptions to gRPC status codes and writes exactly one log line per call: method,
/// status code and elapsed milliseconds. Services themselves hold no try/catch.
/// </summary>
internal sealed partial class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger, IOptions<LimitsOptions> limits) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var clock = Stopwatch.StartNew();
        var code = StatusCode.OK;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.Value.CallTimeoutSeconds));
        context.SetCallToken(timeout.Token);
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e)
        {
            var mapped = Map(e, context);
            code = mapped.StatusCode;
            throw mapped;
        }
        finally
        {
            LogCall(context.Method, code, clock.Elapsed.TotalMilliseconds);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var clock = Stopwatch.StartNew();
        var code = StatusCode.OK;
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e)
        {
            var mapped = Map(e, context);
            code = mapped.StatusCode;
            throw mapped;
        }
        finally
        {
            LogCall(context.Method, code, clock.Elapsed.TotalMilliseconds);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var clock = Stopwatch.StartNew();
        var code = StatusCode.OK;
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            var mapped = Map(e, context);
            code = mapped.StatusCode;
            throw mapped;
        }
        finally
        {
            LogCall(context.Method, code, clock.Elapsed.TotalMilliseconds);
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
                LogUnexpected(exception, context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "internal error; the server log has the details"));
        }
    }

    private void LogCall(string method, StatusCode code, double elapsedMs)
    {
        if (code is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.Cancelled
            or StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            LogCompleted(logger, method, code, elapsedMs);
        }
        else
        {
            LogFailed(logger, method, code, elapsedMs);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC {GrpcMethod} {GrpcStatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, string grpcMethod, StatusCode grpcStatusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC {GrpcMethod} {GrpcStatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string grpcMethod, StatusCode grpcStatusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {GrpcMethod}")]
    private partial void LogUnexpected(Exception exception, string grpcMethod);
}
