using System.CommandLine;
using SearchService.Api.V1;
using SearchService.Cli.Output;
using Spectre.Console;

namespace SearchService.Cli.Verbs;

/// <summary>
/// searchctl mentions REF: every sentence that cites a document, or with --by a summary per ward,
/// district, year or topic ("which wards implemented Directive 05, when, and where is it written").
/// </summary>
internal static class MentionsCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("reference") { Description = "A document as you would type it: \"Chỉ thị 05\", \"Directive 05\", \"NQ TW4\", \"05-CT/TW\"" };
        var by = new Option<string>("--by") { Description = "Summarize per ward, district, year or topic instead of listing", HelpName = "field" };
        by.AcceptOnlyFromAmong("ward", "district", "year", "topic");
        var pageSize = new Option<int?>("--page-size") { Description = "Mentions per page, 1..100 (default 20)", HelpName = "n" };
        var pageToken = new Option<string>("--page-token") { Description = "The token printed under the previous page", HelpName = "token" };
        var json = new Option<bool>("--json") { Description = "Print the response as JSON (proto field names)" };
        var command = new Command("mentions", "Where a directive or resolution is cited: the sentences, or a summary with --by.");
        command.Arguments.Add(reference);
        var filters = new FilterOptions(command, withReference: false);
        command.Options.Add(by);
        command.Options.Add(pageSize);
        command.Options.Add(pageToken);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var client = new MentionService.MentionServiceClient(channel);
            var typed = parse.GetValue(reference) ?? "";
            if (parse.GetValue(by) is { Length: > 0 } groupBy)
            {
                var summary = await client.SummarizeMentionsAsync(
                    new SummarizeMentionsRequest { Reference = typed, Filter = filters.Read(parse), GroupBy = groupBy }, cancellationToken: ct);
                if (parse.GetValue(json))
                {
                    await context.Output.WriteLineAsync(Formats.ToJson(summary));
                }
                else
                {
                    RenderSummary(context.Console, summary, groupBy);
                }

                return ExitCodes.Ok;
            }

            var request = new FindMentionsRequest { Reference = typed, Filter = filters.Read(parse), PageToken = parse.GetValue(pageToken) ?? "" };
            if (parse.GetValue(pageSize) is { } size)
            {
                request.PageSize = size;
            }

            var page = await client.FindMentionsAsync(request, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(page));
            }
            else
            {
                RenderList(context.Console, page);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void RenderSummary(IAnsiConsole console, SummarizeMentionsResponse summary, string groupBy)
    {
        console.WriteLine(summary.Keys.Count == 0
            ? "The archive does not cite this reference."
            : "Cited as: " + string.Join("; ", summary.Keys.Select(k => $"{k.Label} ({k.Key}): {Formats.Count(k.DocumentCount, "report")}, {Formats.Count(k.MentionCount, "mention")}")));
        if (summary.Groups.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(groupBy);
        table.AddColumn("reports", c => c.RightAligned());
        table.AddColumn("mentions", c => c.RightAligned());
        table.AddColumn("first");
        table.AddColumn("last");
        table.AddColumn("documents");
        foreach (var group in summary.Groups)
        {
            table.AddRow(
                new Text(group.Value.Length > 0 ? group.Value : groupBy == "ward" ? "(no ward)" : "(unknown)"),
                new Text(Formats.Count(group.DocumentCount)),
                new Text(Formats.Count(group.MentionCount)),
                new Text(Formats.Date(group.FirstPublished)),
                new Text(Formats.Date(group.LastPublished)),
                new Text(string.Join("\n", group.DocumentIds)));
        }

        console.Write(table);
    }

    private static void RenderList(IAnsiConsole console, FindMentionsResponse page)
    {
        if (page.Mentions.Count == 0)
        {
            console.WriteLine("No mention found.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("published");
        table.AddColumn("ward");
        table.AddColumn(new TableColumn("report") { Width = 40 });
        table.AddColumn("key");
        table.AddColumn("sentence");
        foreach (var hit in page.Mentions)
        {
            table.AddRow(
                new Text(Formats.Date(hit.PublishedAt)),
                new Text(Formats.Place(hit.Ward, hit.District)),
                new Markup($"{Markup.Escape(hit.DocumentTitle)}\n[dim]{Markup.Escape(hit.DocumentId)}[/]"),
                new Text(hit.Key),
                new Text(Formats.Clip(hit.Sentence, 400)));
        }

        console.Write(table);
        console.WriteLine($"{Formats.Count(page.TotalSize, "mention")}; showing {page.Mentions.Count}.");
        if (page.NextPageToken.Length > 0)
        {
            console.WriteLine($"Next page: --page-token {page.NextPageToken}");
        }
    }
}
