using System.CommandLine;
using SearchService.Api.V1;
using SearchService.Cli.Output;
using Spectre.Console;

namespace SearchService.Cli.Verbs;

/// <summary>searchctl references: the catalogue of documents the archive cites, most cited first.</summary>
internal static class ReferencesCommand
{
    public static Command Create(CliContext context)
    {
        var pageSize = new Option<int?>("--page-size") { Description = "References per page, 1..100 (default 20)", HelpName = "n" };
        var pageToken = new Option<string>("--page-token") { Description = "The token printed under the previous page", HelpName = "token" };
        var json = new Option<bool>("--json") { Description = "Print the ListReferencesResponse as JSON (proto field names)" };
        var command = new Command("references", "The documents the archive cites (directives, resolutions, plans…), most cited first.");
        var filters = new FilterOptions(command);
        command.Options.Add(pageSize);
        command.Options.Add(pageToken);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var request = new ListReferencesRequest { Filter = filters.Read(parse), PageToken = parse.GetValue(pageToken) ?? "" };
            if (parse.GetValue(pageSize) is { } size)
            {
                request.PageSize = size;
            }

            var page = await new MentionService.MentionServiceClient(channel).ListReferencesAsync(request, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(page));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("key");
            table.AddColumn("document");
            table.AddColumn("kind");
            table.AddColumn("reports", c => c.RightAligned());
            table.AddColumn("mentions", c => c.RightAligned());
            foreach (var reference in page.References)
            {
                table.AddRow(
                    new Text(reference.Key),
                    new Text(reference.Label),
                    new Text(reference.Kind),
                    new Text(Formats.Count(reference.DocumentCount)),
                    new Text(Formats.Count(reference.MentionCount)));
            }

            context.Console.Write(table);
            context.Console.WriteLine($"{Formats.Count(page.TotalSize, "reference")}; showing {page.References.Count}.");
            if (page.NextPageToken.Length > 0)
            {
                context.Console.WriteLine($"Next page: --page-token {page.NextPageToken}");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
