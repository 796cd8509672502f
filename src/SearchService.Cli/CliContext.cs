using System.CommandLine;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Spectre.Console;

namespace SearchService.Cli;

/// <summary>
/// What every verb shares: the writers, a Spectre console over the output, the --server option, the
/// channel, and the one place where failures become an exit code and one clear line.
/// </summary>
internal sealed partial class CliContext : IDisposable
{
    private readonly GrpcChannel? _givenChannel;
    private GrpcChannel? _ownedChannel;

    public CliContext(TextWriter output, TextWriter error, GrpcChannel? channel)
    {
        Output = output;
        Error = error;
        _givenChannel = channel;
        IsTerminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!IsTerminal)
        {
            // Redirected output has no width: COLUMNS when set, else wide enough that passages are not squeezed.
            Console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : 160;
        }

        ServerOption = new Option<string>("--server")
        {
            Description = $"Address of the SearchService (env {Cli.ServerVariable}; default {Cli.DefaultServer})",
            Recursive = true,
            HelpName = "url",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Cli.ServerVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : Cli.DefaultServer,
        };
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Spectre over <see cref="Output"/>: no colors and no live widgets when it is not a terminal.</summary>
    public IAnsiConsole Console { get; }

    public bool IsTerminal { get; }

    public Option<string> ServerOption { get; }

    /// <summary>Runs a verb's work against the server and turns any failure into an exit code.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<GrpcChannel, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var server = parse.GetValue(ServerOption) ?? Cli.DefaultServer;
        try
        {
            return await work(Channel(server), cancellationToken);
        }
        catch (UsageException e)
        {
            await Error.WriteLineAsync($"searchctl: {e.Message}");
            return ExitCodes.BadArguments;
        }
        catch (RpcException e) when (IsUnreachable(e))
        {
            await Error.WriteLineAsync($"searchctl: cannot reach the server at {server}: {Describe(e)}");
            return ExitCodes.Unreachable;
        }
        catch (RpcException e)
        {
            await Error.WriteLineAsync($"searchctl: the server answered {StatusName(e.StatusCode)}: {e.Status.Detail}");
            return ExitCodes.ServerError;
        }
        catch (HttpRequestException e)
        {
            await Error.WriteLineAsync($"searchctl: cannot reach the server at {server}: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Error.WriteLineAsync("searchctl: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Error.WriteLineAsync($"searchctl: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    public void Dispose() => _ownedChannel?.Dispose();

    /// <summary>"InvalidArgument" → "INVALID_ARGUMENT", as gRPC documents its codes.</summary>
    public static string StatusName(StatusCode code) => UpperBoundary().Replace(code.ToString(), "_$1").ToUpperInvariant();

    private GrpcChannel Channel(string server)
    {
        if (_givenChannel is not null)
        {
            return _givenChannel;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--server '{server}' is not an http:// or https:// address");
        }

        return _ownedChannel ??= GrpcChannel.ForAddress(address);
    }

    private static bool IsUnreachable(RpcException e) =>
        e.StatusCode == StatusCode.Unavailable
        || (e.StatusCode == StatusCode.Internal && e.Status.DebugException is HttpRequestException or SocketException);

    /// <summary>The socket's own words ("Connection refused") when there are some, else the status detail.</summary>
    private static string Describe(RpcException e)
    {
        for (var inner = e.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.Message;
            }
        }

        return e.Status.DebugException?.Message ?? e.Status.Detail;
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex UpperBoundary();
}
