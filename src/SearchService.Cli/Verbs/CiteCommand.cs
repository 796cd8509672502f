using System.CommandLine;
using System.Text;
using SearchService.Api.V1;

namespace SearchService.Cli.Verbs;

/// <summary>searchctl cite [ID…] | --query Q: a citation list in text, Markdown, CSL-JSON or BibTeX.</summary>
internal static class CiteCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("id") { Description = "Documents to cite, in this order", Arity = ArgumentArity.ZeroOrMore };
        var query = new Option<string>("--query") { Description = "Cite the top results of this search instead", HelpName = "words" };
        var reference = new Option<string>("--reference", "--quote") { Description = "Quote the sentences that mention this document (\"Chỉ thị 05\")", HelpName = "reference" };
        var style = new Option<string>("--style") { Description = "text (default), markdown, csl_json or bibtex", HelpName = "style", DefaultValueFactory = _ => "text" };
        style.AcceptOnlyFromAmong("text", "markdown", "csl_json", "bibtex");
        var maxResults = new Option<int?>("--max-results") { Description = "How many top results --query cites, 1..100 (default 20)", HelpName = "n" };
        var output = new Option<string>("--output", "-o") { Description = "Write the list to this file instead of the standard output", HelpName = "file" };
        var command = new Command("cite", "Build a citation list of reports, quoting where they mention a directive or resolution.");
        command.Arguments.Add(ids);
        command.Options.Add(query);
        var filters = new FilterOptions(command, withReference: false);
        command.Options.Add(reference);
        command.Options.Add(style);
        command.Options.Add(maxResults);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var request = new BuildCitationsRequest
            {
                Query = parse.GetValue(query) ?? "",
                Filter = filters.Read(parse),
                Reference = parse.GetValue(reference) ?? "",
                Style = parse.GetValue(style) ?? "text",
                MaxResults = parse.GetValue(maxResults) ?? 0,
            };
            request.DocumentIds.AddRange(parse.GetValue(ids) ?? []);
            if (request.DocumentIds.Count == 0 && request.Query.Length == 0 && FilterOptions.IsEmpty(request.Filter))
            {
                throw new UsageException("cite needs document ids or --query (or filters such as --ward, --year)");
            }

            var response = await new CitationService.CitationServiceClient(channel).BuildCitationsAsync(request, cancellationToken: ct);
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, response.Formatted, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
                await context.Error.WriteLineAsync($"Wrote {response.Citations.Count} citations ({request.Style}) to {path}");
            }
            else
            {
                await context.Output.WriteAsync(response.Formatted);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
