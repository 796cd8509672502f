using SearchService.Api.V1;
using SearchService.Server.Tests;

namespace SearchService.Cli.Tests;

/// <summary>searchctl mentions REF --by ward --timeline: one row per ward with the dates of each action.</summary>
public sealed class MentionsTimelineCliTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliRun> Run(params string[] args) => CliRun.Start(server.Channel(), args);

    public async ValueTask InitializeAsync()
    {
        var response = await server.IngestAsync(
        [
            new IngestDocumentRequest
            {
                Id = "cli-timeline/a", Title = "Quán triệt", Date = "2022-08-12", Ward = "Nghĩa Đô", District = "Cầu Giấy",
                Text = "Đảng ủy phường quán triệt Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.",
            },
            new IngestDocumentRequest
            {
                Id = "cli-timeline/b", Title = "Sơ kết", Date = "2023-12-20", Ward = "Nghĩa Đô", District = "Cầu Giấy",
                Text = "Đảng ủy phường sơ kết một năm thực hiện Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương.",
            },
        ], Ct);
        Assert.Empty(response.Rejected);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Mentions_Timeline_OneRowPerWardWithTheDateOfEachAction()
    {
        var run = await Run("mentions", "18-NQ/TW/2022", "--by", "ward", "--timeline");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Nghị quyết 18-NQ/TW ngày 16/6/2022", run.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.Output.Split('\n'), l => l.Contains("Nghĩa Đô", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.TrimEntries);
        var header = run.Output.Split('\n').First(l => l.Contains("interim", StringComparison.Ordinal)).Split('│', StringSplitOptions.TrimEntries);
        Assert.Equal("12/08/2022", cells[Array.IndexOf(header, "study")]);
        Assert.Equal("20/12/2023", cells[Array.IndexOf(header, "interim")]);
        Assert.Equal("·", cells[Array.IndexOf(header, "plan")]);
    }

    [Theory]
    [InlineData("mentions", "Nghị quyết 18", "--timeline")]
    [InlineData("mentions", "Nghị quyết 18", "--by", "action", "--timeline")]
    [InlineData("mentions", "Nghị quyết 18", "--action", "celebrate")]
    public async Task Mentions_TimelineOrActionMisused_ExitWith2(params string[] args)
    {
        var run = await Run(args);

        Assert.True(run.ExitCode == ExitCodes.BadArguments, run.ToString());
        Assert.StartsWith("searchctl: ", run.Error, StringComparison.Ordinal);
    }
}
