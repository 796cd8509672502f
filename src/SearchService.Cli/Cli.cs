using System.CommandLine;
using Grpc.Net.Client;
using SearchService.Cli.Verbs;

namespace SearchService.Cli;

/// <summary>The searchctl root: parses the command line, runs one verb, returns its exit code.</summary>
public static class Cli
{
    public const string DefaultServer = "http://127.0.0.1:5000";
    public const string ServerVariable = "SEARCHCTL_SERVER";

    /// <summary>Runs searchctl with <paramref name="args"/>, writing to the given writers.</summary>
    /// <param name="channel">A channel to use instead of connecting to --server (tests pass an in-process one).</param>
    /// <returns>One of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, GrpcChannel? channel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var context = new CliContext(output, error, channel);
        var root = CreateRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"searchctl: {parseError.Message}");
            }

            await error.WriteLineAsync("Run 'searchctl --help' for usage.");
            return ExitCodes.BadArguments;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    private static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("searchctl: search the archive of ward and district reports, follow the documents they cite, and build citation lists.");
        root.Options.Add(context.ServerOption);
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(MentionsCommand.Create(context));
        root.Subcommands.Add(ReferencesCommand.Create(context));
        root.Subcommands.Add(CiteCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        return root;
    }
}
