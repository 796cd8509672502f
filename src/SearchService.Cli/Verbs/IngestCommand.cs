using System.CommandLine;
using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Cli.Ingest;
using SearchService.Cli.Output;
using Spectre.Console;

namespace SearchService.Cli.Verbs;

/// <summary>
/// searchctl ingest PATH…: portal reports (.txt) and JSON Lines (.jsonl), files or folders, streamed
/// through IndexService.IngestDocuments; a summary of what was accepted, updated, unchanged or rejected.
/// </summary>
internal static class IngestCommand
{
    public const string ApiKeyVariable = "SEARCHCTL_API_KEY";

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders of .txt portal reports and .jsonl files", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the IngestDocumentsResponse as JSON (proto field names)" };
        var apiKey = new Option<string>("--api-key")
        {
            Description = $"The server's write key, sent as x-api-key (env {ApiKeyVariable})",
            HelpName = "key",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ApiKeyVariable) ?? "",
        };
        var command = new Command("ingest", "Add or replace reports: .txt portal reports and .jsonl files, or folders of them.");
        command.Arguments.Add(paths);
        command.Options.Add(json);
        command.Options.Add(apiKey);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var files = IngestReader.Files(parse.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                throw new UsageException("no .txt or .jsonl file found in the paths given");
            }

            var headers = new Metadata();
            if (parse.GetValue(apiKey) is { Length: > 0 } key)
            {
                headers.Add("x-api-key", key);
            }

            var outcome = await Send(context, new IndexService.IndexServiceClient(channel), files, headers, ct);
            var response = outcome.Response;
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(response));
            }
            else
            {
                Render(context.Console, response, outcome.Sent, outcome.Unreadable);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>What was sent, in stream order (to name the origin of a rejection by its index), and what could not be read.</summary>
    private sealed record Outcome(IngestDocumentsResponse Response, List<(string Path, int Line)> Sent, List<FileRecord> Unreadable);

    // Files are read one record at a time while sending, so memory stays small whatever their size;
    // the progress bar counts bytes of the files.
    private static async Task<Outcome> Send(CliContext context, IndexService.IndexServiceClient client, IReadOnlyList<(string Path, string Id)> files, Metadata headers, CancellationToken cancellationToken)
    {
        var sent = new List<(string Path, int Line)>();
        var unreadable = new List<FileRecord>();
        using var call = client.IngestDocuments(headers, cancellationToken: cancellationToken);
        async Task Stream(Action<long>? advance)
        {
            foreach (var file in files)
            {
                foreach (var item in IngestReader.Read(file.Path, file.Id))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (item.Request is null)
                    {
                        unreadable.Add(item);
                    }
                    else
                    {
                        await call.RequestStream.WriteAsync(item.Request, cancellationToken);
                        sent.Add((item.Path, item.Line));
                    }

                    advance?.Invoke(item.Bytes);
                }
            }

            await call.RequestStream.CompleteAsync();
        }

        if (context.IsTerminal)
        {
            var total = files.Sum(f => IngestReader.FileLength(f.Path));
            await context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Sending", maxValue: Math.Max(total, 1));
                    await Stream(bytes => task.Increment(bytes));
                });
        }
        else
        {
            await Stream(null);
        }

        return new Outcome(await call.ResponseAsync, sent, unreadable);
    }

    private static void Render(IAnsiConsole console, IngestDocumentsResponse response, List<(string Path, int Line)> sent, List<FileRecord> unreadable)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("Ingest summary");
        summary.AddColumn("result");
        summary.AddColumn("documents", c => c.RightAligned());
        summary.AddRow(new Text("accepted (new)"), new Text(Formats.Count(response.Accepted)));
        summary.AddRow(new Text("updated"), new Text(Formats.Count(response.Updated)));
        summary.AddRow(new Text("unchanged"), new Text(Formats.Count(response.Unchanged)));
        summary.AddRow(new Text("rejected by the server"), new Text(Formats.Count(response.Rejected.Count)));
        summary.AddRow(new Text("not sent (unreadable)"), new Text(Formats.Count(unreadable.Count)));
        console.Write(summary);
        if (response.Rejected.Count + unreadable.Count == 0)
        {
            return;
        }

        var problems = new Table().Border(TableBorder.Rounded).Title("Rejected");
        problems.AddColumn("source");
        problems.AddColumn("id");
        problems.AddColumn("reason");
        foreach (var item in unreadable)
        {
            problems.AddRow(new Text(item.Origin), new Text(""), new Text(item.Problem ?? ""));
        }

        foreach (var rejection in response.Rejected)
        {
            var origin = rejection.Index >= 0 && rejection.Index < sent.Count
                ? FileRecord.OriginOf(sent[rejection.Index].Path, sent[rejection.Index].Line)
                : "";
            problems.AddRow(new Text(origin), new Text(rejection.Id), new Text(rejection.Reason));
        }

        console.Write(problems);
    }
}
