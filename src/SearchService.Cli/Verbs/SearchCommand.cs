using System.CommandLine;
using SearchService.Api.V1;
using SearchService.Cli.Output;
using Spectre.Console;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Cli.Verbs;

/// <summary>searchctl search [WORDS…]: full-text search with filters, facets and paging.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var words = new Argument<string[]>("query")
        {
            Description = "Words, \"quoted phrases\" and -exclusions, with or without diacritics; none lists every report",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var facets = new Option<string[]>("--facet")
        {
            Description = "Count the results per ward, district, year, topic or reference (repeat for several)",
            HelpName = "field",
            Arity = ArgumentArity.OneOrMore,
        };
        facets.AcceptOnlyFromAmong("ward", "district", "year", "topic", "reference");
        var pageSize = new Option<int?>("--page-size") { Description = "Results per page, 1..100 (default 10)", HelpName = "n" };
        var pageToken = new Option<string>("--page-token") { Description = "The token printed under the previous page", HelpName = "token" };
        var order = new Option<string>("--order") { Description = "relevance (default), date_desc or date_asc", HelpName = "order" };
        order.AcceptOnlyFromAmong("relevance", "date_desc", "date_asc");
        var json = new Option<bool>("--json") { Description = "Print the SearchResponse as JSON (proto field names)" };

        var command = new Command("search", "Search the archive: a table of ward, year, title and the matching passage.");
        command.Arguments.Add(words);
        var filters = new FilterOptions(command);
        command.Options.Add(facets);
        command.Options.Add(pageSize);
        command.Options.Add(pageToken);
        command.Options.Add(order);
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var request = new SearchRequest
            {
                Query = string.Join(' ', parse.GetValue(words) ?? []),
                Filter = filters.Read(parse),
                PageToken = parse.GetValue(pageToken) ?? "",
                OrderBy = parse.GetValue(order) ?? "",
            };
            request.Facets.AddRange(parse.GetValue(facets) ?? []);
            if (parse.GetValue(pageSize) is { } size)
            {
                request.PageSize = size;
            }

            var response = await new SearchRpc.SearchServiceClient(channel).SearchAsync(request, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(response));
                return ExitCodes.Ok;
            }

            Render(context, response);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    // What the service read otherwise than typed, before the results: a person sees why they differ.
    private static void WriteInterpretation(IAnsiConsole console, QueryInterpretation? interpretation)
    {
        if (interpretation is null)
        {
            return;
        }

        if (interpretation.ReferenceKeys.Count > 0)
        {
            console.WriteLine($"Reports citing {string.Join(", ", interpretation.ReferenceKeys)} first.");
        }

        if (interpretation.Corrections.Count > 0)
        {
            console.WriteLine("Read as: " + string.Join(", ", interpretation.Corrections.Select(c => $"{c.Typed} → {c.Corrected}")) + ".");
        }

        if (interpretation.Relaxed && interpretation.DroppedWords.Count > 0)
        {
            console.WriteLine($"No report has every word; showing results without: {string.Join(" ", interpretation.DroppedWords)}.");
        }
    }

    private static void Render(CliContext context, SearchResponse response)
    {
        var console = context.Console;
        WriteInterpretation(console, response.Interpretation);
        if (response.Results.Count == 0)
        {
            console.WriteLine($"No report matches ({Formats.Count(response.TotalSize)} results).");
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("#", c => c.RightAligned());
            table.AddColumn("Ward");
            table.AddColumn("Year");
            table.AddColumn(new TableColumn("Title / id") { Width = 48 });
            table.AddColumn("Passage");
            var rank = 0;
            foreach (var result in response.Results)
            {
                rank++;
                var document = result.Document;
                var passage = result.Snippets.Count > 0
                    ? string.Join("\n…\n", result.Snippets.Select(s => Highlighter.Markup(s, context.IsTerminal)))
                    : "";
                table.AddRow(
                    new Text(rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(Formats.Place(document.Ward, document.District)),
                    new Text(Formats.Year(document.Year)),
                    new Markup($"{Markup.Escape(document.Title)}\n[dim]{Markup.Escape(document.Id)}[/]"),
                    new Markup(passage));
            }

            console.Write(table);
            console.WriteLine($"{Formats.Count(response.TotalSize, "result")}; showing {response.Results.Count}.");
        }

        foreach (var facet in response.Facets)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"by {facet.Field}");
            table.AddColumn(facet.Field);
            table.AddColumn("reports", c => c.RightAligned());
            foreach (var value in facet.Values)
            {
                table.AddRow(new Text(value.Value.Length > 0 ? value.Value : "(none)"), new Text(Formats.Count(value.Count)));
            }

            console.Write(table);
        }

        if (response.NextPageToken.Length > 0)
        {
            console.WriteLine($"Next page: --page-token {response.NextPageToken}");
        }
    }
}
