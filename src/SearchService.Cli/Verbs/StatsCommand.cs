using System.CommandLine;
using SearchService.Api.V1;
using SearchService.Cli.Output;
using Spectre.Console;

namespace SearchService.Cli.Verbs;

/// <summary>searchctl stats: what the index holds.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the IndexStats as JSON (proto field names)" };
        var command = new Command("stats", "What the index holds: reports, mentions, cited documents, size, last update.");
        command.Options.Add(json);
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (channel, ct) =>
        {
            var stats = await new IndexService.IndexServiceClient(channel).GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: ct);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(Formats.ToJson(stats));
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
            grid.AddRow(new Text("reports"), new Text(Formats.Count(stats.DocumentCount)));
            grid.AddRow(new Text("mentions"), new Text(Formats.Count(stats.MentionCount)));
            grid.AddRow(new Text("cited documents"), new Text(Formats.Count(stats.ReferenceCount)));
            grid.AddRow(new Text("source files"), new Text(Formats.Count(stats.SourceFileCount)));
            grid.AddRow(new Text("size on disk"), new Text(Formats.Bytes(stats.SizeOnDiskBytes)));
            grid.AddRow(new Text("segments"), new Text(Formats.Count(stats.SegmentCount) + (stats.Merging ? " (merging)" : "")));
            grid.AddRow(new Text("last updated"), new Text(Formats.DateTime(stats.LastUpdated)));
            context.Console.Write(grid);
            if (stats.SkippedSources.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).Title($"{stats.SkippedSources.Count} files could not be read");
                table.AddColumn("file");
                table.AddColumn("reason");
                foreach (var skipped in stats.SkippedSources)
                {
                    table.AddRow(new Text(skipped.SourcePath), new Text(skipped.Reason));
                }

                context.Console.Write(table);
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
