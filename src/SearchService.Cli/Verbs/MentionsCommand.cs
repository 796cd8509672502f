using System.CommandLine;
using SearchService.Api.V1;
using SearchService.Cli.Output;
using Spectre.Console;

namespace SearchService.Cli.Verbs;

/// <summary>
/// searchctl mentions REF: every sentence that cites a document, or with --by a summary per ward,
/// district, year, topic or action ("which wards implemented Directive 05, when, and where is it written"),
/// and with --timeline one row per place with the dates of each action (studied, rolled out, implemented,
/// reviewed, inspected, cited).
/// </summary>
internal static class MentionsCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Argument<string>("reference") { Description = "A document as you would type it: \"Chỉ thị 05\", \"Directive 05\", \"NQ TW4\", \"05-CT/TW\"" };
        var by = new Option<string>("--by") { Description = "Summarize per ward, district, year, topic or action instead of listing", HelpName = "field" };
        by.AcceptOnlyFromAmong("ward", "district", "year", "topic", "action");
        var timeline = new Option<bool>("--timeline") { Description = "With --by ward|district|year|topic: one row per group with the first (and last) date of each action" };
        var action = new Option<string[]>("--action")
        {
            Description = "List only mentions with this action: study, plan, implement, interim_review, final_review, inspect, cited (repeat for several)",
            HelpName = "action",
            AllowMultipleArgumentsPerToken = false,
        };
        action.AcceptOnlyFromAmong(ActionNames);
        var pageSize = new Option<int?>("--page-size") { Description = "Mentions per page, 1..100 (default 20)", HelpName = "n" };
        var pageToken = new Option<string>("--page-token") { Description = "The token printed under the previous page", HelpName = "token" };
        var json = new Option<bool>("--json") { Description = "Print the response as JSON (proto field names)" };
        var command = new Command("mentions", "Where a directive or resolution is cited: the sentences, or a summary with --by.");
        command.Arguments.Add(reference);
        var filters = new FilterOptions(command, withReference: false);
        command.Options.Add(by);
        command.Options.Add(timeline);
        command.Options.Add(action);
        command.Options.Add(pageSize);
        command.Options.Add(pageToken);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var client = new MentionService.MentionServiceClient(channel);
            var typed = parse.GetValue(reference) ?? "";
            if (parse.GetValue(timeline) && parse.GetValue(by) is not { Length: > 0 } || parse.GetValue(timeline) && parse.GetValue(by) == "action")
            {
                throw new UsageException("--timeline needs --by ward, district, year or topic");
            }

            if (parse.GetValue(by) is { Length: > 0 } groupBy)
            {
                var summary = await client.SummarizeMentionsAsync(
                    new SummarizeMentionsRequest { Reference = typed, Filter = filters.Read(parse), GroupBy = groupBy }, cancellationToken: ct);
                if (parse.GetValue(json))
                {
                    await context.Output.WriteLineAsync(Formats.ToJson(summary));
                }
                else if (parse.GetValue(timeline))
                {
                    RenderTimeline(context.Console, summary, groupBy);
                }
                else
                {
                    RenderSummary(context.Console, summary, groupBy);
                }

                return ExitCodes.Ok;
            }

            var request = new FindMentionsRequest { Reference = typed, Filter = filters.Read(parse), PageToken = parse.GetValue(pageToken) ?? "" };
            request.Actions.AddRange(parse.GetValue(action) ?? []);
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

    private static readonly string[] ActionNames = ["study", "plan", "implement", "interim_review", "final_review", "inspect", "cited"];

    private static void WriteCitedAs(IAnsiConsole console, SummarizeMentionsResponse summary)
    {
        var cited = summary.Keys.Where(k => k.MentionCount > 0).ToList();
        if (cited.Count == 0)
        {
            console.WriteLine("The archive does not cite this reference.");
            return;
        }

        if (cited.All(k => k.IssuedOn.Length == 0 && k.Candidates.Count == 0))
        {
            console.WriteLine("Cited as: " + string.Join("; ", cited.Select(k => $"{k.Label} ({k.Key}): {Formats.Count(k.DocumentCount, "report")}, {Formats.Count(k.MentionCount, "mention")}")));
            return;
        }

        // Documents of the catalogue have long citations: one line per key, the citation clipped.
        console.WriteLine("Cited as:");
        foreach (var k in cited)
        {
            var head = $"  {k.Key}: {Formats.Count(k.DocumentCount, "report")}, {Formats.Count(k.MentionCount, "mention")}; ";
            var what = k.Candidates.Count > 0
                ? "issue not stated: " + string.Join(" or ", k.Candidates.Select(c => c.Key))
                : Formats.Clip(k.Label, Math.Max(30, console.Profile.Width - head.Length - 1));
            console.WriteLine(head + what);
        }
    }

    /// <summary>One row per group: the first date of each action, and the last when it differs.</summary>
    private static void RenderTimeline(IAnsiConsole console, SummarizeMentionsResponse summary, string groupBy)
    {
        WriteCitedAs(console, summary);
        if (summary.Groups.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(groupBy) { NoWrap = true });
        table.AddColumn("reports", c => c.RightAligned());
        foreach (var name in ActionNames)
        {
            table.AddColumn(new TableColumn(name.Replace("_review", "", StringComparison.Ordinal)) { NoWrap = true });
        }

        foreach (var group in summary.Groups)
        {
            var cells = new List<Text>
            {
                new(group.Value.Length > 0 ? group.Value : groupBy == "ward" ? "(no ward)" : "(unknown)"),
                new(Formats.Count(group.DocumentCount)),
            };
            foreach (var name in ActionNames)
            {
                var a = group.Actions.FirstOrDefault(x => x.Action == name);
                var first = a is null ? "" : Formats.Date(a.FirstPublished);
                var last = a is null ? "" : Formats.Date(a.LastPublished);
                cells.Add(new Text(a is null ? "·" : last == first ? first : $"{first}\n→ {last}"));
            }

            table.AddRow(cells);
        }

        console.Write(table);
        var rollouts = summary.Groups.Count(g => g.FirstRollout is not null);
        var reviews = summary.Groups.Count(g => g.LastReview is not null);
        var of = groupBy == "ward" ? "wards" : groupBy == "district" ? "districts" : groupBy == "year" ? "years" : "topics";
        console.WriteLine($"Each cell: the first report with that action, and the last under it when later. Rolled out (plan) in {rollouts} of {summary.Groups.Count} {of}, reviewed in {reviews}.");
    }

    private static void RenderSummary(IAnsiConsole console, SummarizeMentionsResponse summary, string groupBy)
    {
        WriteCitedAs(console, summary);
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
        table.AddColumn("key / action");
        table.AddColumn("sentence");
        foreach (var hit in page.Mentions)
        {
            table.AddRow(
                new Text(Formats.Date(hit.PublishedAt)),
                new Text(Formats.Place(hit.Ward, hit.District)),
                new Markup($"{Markup.Escape(hit.DocumentTitle)}\n[dim]{Markup.Escape(hit.DocumentId)}[/]"),
                new Text(hit.Key + "\n" + hit.Action + (hit.CandidateKeys.Count > 0 ? "\n(" + string.Join(" or ", hit.CandidateKeys) + ")" : "")),
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
