using Microsoft.Extensions.DependencyInjection;
using SearchService.Api.V1;
using SearchService.Core.Indexing;
using SearchService.Tests.Shared;

namespace SearchService.Server.Tests;

/// <summary>
/// A feed of 120 reports that the start-up sync commits in checkpoints of 20: an index of several segments,
/// which the server merges once it serves.
/// </summary>
public sealed class CheckpointedFeedFixture() : ServerFixture(WriteFeed())
{
    public const int Reports = 120;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Index:CommitEveryRecords"] = "20",
    };

    private static string WriteFeed()
    {
        var archive = Directory.CreateTempSubdirectory("searchservice-feed-").FullName;
        var lines = Enumerable.Range(1, Reports).Select(i =>
            $$"""{"id":"feed-{{i}}","title":"Phường Bồ Đề ra quân vệ sinh môi trường lần {{i}}","text":"Ngày {{i % 28 + 1}}/3/2022, phường Bồ Đề, quận Long Biên ra quân tổng vệ sinh môi trường theo Chỉ thị 05-CT/TW."}""");
        TestReports.Write(archive, "feeds/bo-de.jsonl", string.Join('\n', lines) + "\n");
        return archive;
    }
}

/// <summary>The merge after the start-up sync, seen through the API.</summary>
public sealed class MergeAfterStartupTests(CheckpointedFeedFixture server) : IClassFixture<CheckpointedFeedFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterStartup_TheCheckpointedSegmentsAreMergedIntoOne_AndStatsSaySo()
    {
        var search = server.Search();
        var before = await search.SearchAsync(new SearchRequest { Query = "ve sinh moi truong Bo De", PageSize = 5 }, cancellationToken: Ct);
        var serving = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);

        // The merge the server started when it began to serve (a finished one, or nothing to do, returns at once).
        await server.Services.GetRequiredService<IndexStore>().MergeAfterSyncAsync();
        var stats = await server.Index().GetIndexStatsAsync(new GetIndexStatsRequest(), cancellationToken: Ct);
        var after = await search.SearchAsync(new SearchRequest { Query = "ve sinh moi truong Bo De", PageSize = 5 }, cancellationToken: Ct);

        Assert.True(serving.Merging || serving.SegmentCount == 1, $"{serving.SegmentCount} segments and no merge"); // started by the server itself
        Assert.Equal(CheckpointedFeedFixture.Reports, stats.DocumentCount);
        Assert.Equal(1, stats.SegmentCount);
        Assert.False(stats.Merging);
        Assert.Equal(CheckpointedFeedFixture.Reports, after.TotalSize);
        Assert.Equal(before.TotalSize, after.TotalSize);
        Assert.Contains(server.Logs.Events, e => e.MessageTemplate.Text.StartsWith("Merged the index's", StringComparison.Ordinal));
        Assert.Empty(server.Errors);
    }
}
