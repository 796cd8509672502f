using Grpc.Core;

namespace SearchService.Server;

/// <summary>
/// The server's log events, one place for their ids, names, levels and texts (EventIds 1000–1099; Core's
/// Indexing uses 3000–3099). The logger passed in keeps the category of the class that writes the event.
/// </summary>
internal static partial class ServerLog
{
    /// <summary>A call that ended with a code the caller causes (OK, bad input, not found, cancelled, refused, over a limit).</summary>
    [LoggerMessage(EventId = 1001, EventName = "CallCompleted", Level = LogLevel.Information, Message = "gRPC {GrpcMethod} {GrpcStatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void CallCompleted(ILogger logger, string grpcMethod, StatusCode grpcStatusCode, double elapsedMs);

    /// <summary>A call that ended with a code the server causes (INTERNAL, UNAVAILABLE …).</summary>
    [LoggerMessage(EventId = 1002, EventName = "CallFailed", Level = LogLevel.Warning, Message = "gRPC {GrpcMethod} {GrpcStatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void CallFailed(ILogger logger, string grpcMethod, StatusCode grpcStatusCode, double elapsedMs);

    /// <summary>An exception no mapping knows: the caller gets INTERNAL, the log gets the stack.</summary>
    [LoggerMessage(EventId = 1003, EventName = "UnhandledError", Level = LogLevel.Error, Message = "Unhandled error in {GrpcMethod}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string grpcMethod);

    /// <summary>An HTTP request that is not an RPC, or that was refused before its RPC.</summary>
    [LoggerMessage(EventId = 1004, EventName = "HttpRequest", Level = LogLevel.Information, Message = "HTTP {HttpMethod} {HttpPath} {HttpStatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void HttpRequest(ILogger logger, string httpMethod, string httpPath, int httpStatusCode, double elapsedMs);

    [LoggerMessage(EventId = 1005, EventName = "ServiceFailed", Level = LogLevel.Critical, Message = "The service failed to start or stopped with an error")]
    public static partial void ServiceFailed(ILogger logger, Exception exception);
}
