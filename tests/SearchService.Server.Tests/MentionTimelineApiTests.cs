using Grpc.Core;
using SearchService.Api.V1;

namespace SearchService.Server.Tests;

/// <summary>
/// Recurring central numbers and the action timeline over gRPC: reports ingested through the API cite the
/// land resolution 18-NQ/TW of 2022 in two wards (studied, planned, reviewed) and "Nghị quyết 18" without
/// saying which in a third; the answers must keep the issues apart and give each ward its dates.
/// </summary>
public sealed class MentionTimelineApiTests(ServerFixture server) : IClassFixture<ServerFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MentionService.MentionServiceClient Client() => new(server.Channel());

    public async ValueTask InitializeAsync()
    {
        IngestDocumentRequest Report(string id, string ward, string date, string text) => new()
        {
            Id = id, Title = "Báo cáo " + id, Text = text, Date = date, Ward = ward, District = "Cầu Giấy",
        };

        var summary = await server.IngestAsync(
        [
            Report("timeline/nghia-do-2022", "Nghĩa Đô", "2022-08-12",
                "Đảng ủy phường quán triệt Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương. Đảng ủy ban hành Kế hoạch số 41-KH/ĐU thực hiện Nghị quyết 18."),
            Report("timeline/nghia-do-2023", "Nghĩa Đô", "2023-12-20",
                "Đảng ủy phường sơ kết một năm thực hiện Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương."),
            Report("timeline/quan-hoa-2022", "Quan Hoa", "2022-09-05",
                "Đảng ủy phường ban hành kế hoạch triển khai Nghị quyết 18-NQ/TW của Trung ương khóa XIII."),
            Report("timeline/quan-hoa-2024", "Quan Hoa", "2024-06-20",
                "Đảng ủy phường tổng kết việc thực hiện Nghị quyết 18 của Trung ương về quản lý và sử dụng đất."),
            Report("timeline/dich-vong-2023", "Dịch Vọng", "2023-03-10",
                "Đảng ủy yêu cầu các chi bộ tiếp tục thực hiện Nghị quyết 18 của Trung ương."),
        ], Ct);
        Assert.Empty(summary.Rejected);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SummarizeMentions_ByWardOnADatedKey_GivesEachWardItsActionDates()
    {
        var response = await Client().SummarizeMentionsAsync(
            new SummarizeMentionsRequest { Reference = "18-NQ/TW/2022", GroupBy = "ward" }, cancellationToken: Ct);

        Assert.Equal(["Nghĩa Đô", "Quan Hoa"], response.Groups.Select(g => g.Value).Order(StringComparer.Ordinal));
        var nghiaDo = response.Groups.Single(g => g.Value == "Nghĩa Đô");
        Assert.Equal(["study 2022-08-12", "plan 2022-08-12", "interim_review 2023-12-20"],
            nghiaDo.Actions.Select(a => $"{a.Action} {Day(a.FirstPublished)}"));
        Assert.Equal("2022-08-12", Day(nghiaDo.FirstRollout));
        Assert.Equal("2023-12-20", Day(nghiaDo.LastReview));
        var quanHoa = response.Groups.Single(g => g.Value == "Quan Hoa");
        Assert.Equal(["plan 2022-09-05", "final_review 2024-06-20"], quanHoa.Actions.Select(a => $"{a.Action} {Day(a.FirstPublished)}"));
        Assert.Equal("2022-09-05", Day(quanHoa.FirstRollout));
        Assert.Equal("2024-06-20", Day(quanHoa.LastReview));
    }

    [Fact]
    public async Task SummarizeMentions_BareNumber_CoversEveryIssueAndTheAmbiguousMentions()
    {
        var response = await Client().SummarizeMentionsAsync(
            new SummarizeMentionsRequest { Reference = "18-NQ/TW", GroupBy = "ward" }, cancellationToken: Ct);

        var dichVong = Assert.Single(response.Groups, g => g.Value == "Dịch Vọng");
        Assert.Equal(["implement"], dichVong.Actions.Select(a => a.Action));
        Assert.Null(dichVong.FirstRollout);
        Assert.Contains(response.Groups, g => g.Value == "Nghĩa Đô");
        var ambiguous = Assert.Single(response.Keys, k => k.Key == "18-NQ/TW");
        Assert.Equal(["18-NQ/TW/2017", "18-NQ/TW/2022"], ambiguous.Candidates.Select(c => c.Key));
    }

    [Fact]
    public async Task SummarizeMentions_ByAction_GivesOneGroupPerClass()
    {
        var response = await Client().SummarizeMentionsAsync(
            new SummarizeMentionsRequest { Reference = "18-NQ/TW/2022", GroupBy = "action" }, cancellationToken: Ct);

        Assert.Equal(["study", "plan", "interim_review", "final_review"], response.Groups.Select(g => g.Value));
        Assert.Equal(["timeline/nghia-do-2022", "timeline/quan-hoa-2022"], response.Groups.Single(g => g.Value == "plan").DocumentIds);
    }

    [Fact]
    public async Task ResolveReference_RecurringNumber_ListsEveryIssueWithDateAndTitle()
    {
        var response = await Client().ResolveReferenceAsync(new ResolveReferenceRequest { Reference = "Nghị quyết 18" }, cancellationToken: Ct);

        var issue2017 = Assert.Single(response.Keys, k => k.Key == "18-NQ/TW/2017");
        Assert.Equal("2017-10-25", issue2017.IssuedOn);
        Assert.Equal("XII", issue2017.Term);
        Assert.Contains("tổ chức bộ máy", issue2017.Title, StringComparison.Ordinal);
        var issue2022 = Assert.Single(response.Keys, k => k.Key == "18-NQ/TW/2022");
        Assert.Equal("2022-06-16", issue2022.IssuedOn);
        Assert.Contains("sử dụng đất", issue2022.Title, StringComparison.Ordinal);
        Assert.Equal(5, issue2022.MentionCount);
        Assert.StartsWith("Nghị quyết 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương", issue2022.Label, StringComparison.Ordinal);
        Assert.Single(response.Keys, k => k.Key == "18-NQ/TW" && k.MentionCount == 1);
    }

    [Fact]
    public async Task FindMentions_ActionFilter_GivesOnlyThoseMentionsWithTheirAction()
    {
        var response = await Client().FindMentionsAsync(
            new FindMentionsRequest { Reference = "Nghị quyết 18", Actions = { "plan" } }, cancellationToken: Ct);

        Assert.Equal(2, response.TotalSize);
        Assert.All(response.Mentions, m => Assert.Equal("plan", m.Action));
        Assert.Equal(["timeline/nghia-do-2022", "timeline/quan-hoa-2022"], response.Mentions.Select(m => m.DocumentId));
        Assert.Equal(["document", "term"], response.Mentions.Select(m => m.ResolvedBy));
    }

    [Fact]
    public async Task GetDocument_AmbiguousMention_CarriesItsActionAndCandidates()
    {
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = "timeline/dich-vong-2023" }, cancellationToken: Ct);

        var mention = Assert.Single(document.Mentions);
        Assert.Equal("18-NQ/TW", mention.Key);
        Assert.Equal("implement", mention.Action);
        Assert.Equal(["18-NQ/TW/2017", "18-NQ/TW/2022"], mention.CandidateKeys);
        Assert.Equal("", mention.ResolvedBy);
    }

    [Fact]
    public async Task FindMentions_UnknownAction_IsInvalidArgumentNamingTheField()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client().FindMentionsAsync(
            new FindMentionsRequest { Reference = "Nghị quyết 18", Actions = { "celebrate" } }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("actions", error.Status.Detail, StringComparison.Ordinal);
    }

    private static string Day(Google.Protobuf.WellKnownTypes.Timestamp? at)
        => at is null ? "-" : at.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
