using System.CommandLine;
using System.Globalization;
using SearchService.Api.V1;
using SearchService.Cli.Output;
using Spectre.Console;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Cli.Verbs;

/// <summary>searchctl show ID: one report with its metadata, text and the documents it cites.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Document id (path in the archive without extension)" };
        var json = new Option<bool>("--json") { Description = "Print the Document as JSON (proto field names)" };
        var noText = new Option<bool>("--no-text") { Description = "Leave the body text out" };
        var command = new Command("show", "Show one report: metadata, text and the documents it mentions.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.Options.Add(noText);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var document = await new SearchRpc.SearchServiceClient(channel)
                .GetDocumentAsync(new GetDocumentRequest { Id = parse.GetValue(id) ?? "" }, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(document));
                return ExitCodes.Ok;
            }

            Render(context.Console, document, !parse.GetValue(noText));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static void Render(IAnsiConsole console, Document document, bool withText)
    {
        console.Write(new Markup($"[bold]{Markup.Escape(document.Title)}[/]\n"));
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value)
        {
            if (value.Length > 0)
            {
                grid.AddRow(new Text(name), new Text(value));
            }
        }

        Row("id", document.Id);
        Row("ward", document.Ward);
        Row("district", document.District);
        Row("published", Formats.DateTime(document.PublishedAt));
        Row("about years", string.Join(", ", document.PeriodYears));
        Row("section", document.Category);
        Row("topics", string.Join(", ", document.Topics));
        Row("url", document.Url);
        Row("source", document.SourcePath);
        Row("views", document.ViewCount >= 0 ? Formats.Count(document.ViewCount) : "");
        console.Write(grid);

        if (withText)
        {
            console.WriteLine();
            console.Write(new Text(document.Text + "\n"));
        }

        if (document.Mentions.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Formats.Count(document.Mentions.Count, "mention"));
            table.AddColumn("key");
            table.AddColumn("as written");
            table.AddColumn("offset", c => c.RightAligned());
            foreach (var mention in document.Mentions)
            {
                table.AddRow(new Text(mention.Key), new Text(mention.Text), new Text(mention.Start.ToString(CultureInfo.InvariantCulture)));
            }

            console.Write(table);
        }
    }
}
