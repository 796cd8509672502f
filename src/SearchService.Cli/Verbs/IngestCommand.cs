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
            var items = files.SelectMany(f => IngestReader.Read(f.Path, f.Id)).ToList();
            var sendable = items.Where(i => i.Request is not null).ToList();
            var unreadable = items.Where(i => i.Request is null).ToList();
            if (items.Count == 0)
            {
                throw new UsageException("no .txt or .jsonl file found in the paths given");
            }

            var headers = new Metadata();
            if (parse.GetValue(apiKey) is { Length: > 0 } key)
            {
                headers.Add("x-api-key", key);
            }

            var response = await Send(context, new IndexService.IndexServiceClient(channel), sendable, headers, ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(response));
            }
            else
            {
                Render(context.Console, response, sendable, unreadable);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task<IngestDocumentsResponse> Send(CliContext context, IndexService.IndexServiceClient client, List<IngestItem> items, Metadata headers, CancellationToken cancellationToken)
    {
        using var call = client.IngestDocuments(headers, cancellationToken: cancellationToken);
        async Task Stream(Action? advance)
        {
            foreach (var item in items)
            {
                await call.RequestStream.WriteAsync(item.Request!, cancellationToken);
                advance?.Invoke();
            }

            await call.RequestStream.CompleteAsync();
        }

        if (context.IsTerminal && items.Count > 0)
        {
            await context.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Sending", maxValue: items.Count);
                    await Stream(() => task.Increment(1));
                });
        }
        else
        {
            await Stream(null);
        }

        return await call.ResponseAsync;
    }

    private static void Render(IAnsiConsole console, IngestDocumentsResponse response, List<IngestItem> sent, List<IngestItem> unreadable)
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
            var origin = rejection.Index >= 0 && rejection.Index < sent.Count ? sent[rejection.Index].Origin : "";
            problems.AddRow(new Text(origin), new Text(rejection.Id), new Text(rejection.Reason));
        }

        console.Write(problems);
    }
}
