using Grpc.Core;

namespace SearchService.Server.Interceptors;

/// <summary>The cancellation token of a call: the client's cancellation or deadline, or the configured timeout.</summary>
internal static class CallTokens
{
    private const string Key = "searchservice.callToken";

    public static CancellationToken CallToken(this ServerCallContext context)
        => context.UserState.TryGetValue(Key, out var token) && token is CancellationToken ct ? ct : context.CancellationToken;

    public static void SetCallToken(this ServerCallContext context, CancellationToken token) => context.UserState[Key] = token;
}
