using Grpc.Core;
using SearchService.Api.V1;

namespace SearchService.Server.Tests;

/// <summary>The MentionService over the in-process host.</summary>
public sealed class MentionApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MentionService.MentionServiceClient Client() => new(server.Channel());

    [Fact]
    public async Task ResolveReference_TypedWithoutDiacritics_GivesTheKeyAndItsCounts()
    {
        var response = await Client().ResolveReferenceAsync(new ResolveReferenceRequest { Reference = "chi thi 05" }, cancellationToken: Ct);

        var key = Assert.Single(response.Keys);
        Assert.Equal("05-CT/TW", key.Key);
        Assert.StartsWith("Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về", key.Label, StringComparison.Ordinal);
        Assert.Equal("2016-05-15", key.IssuedOn);
        Assert.Equal(1, key.DocumentCount);
    }

    [Fact]
    public async Task FindMentions_GivesTheSentenceAndOffsetsOfEachMention()
    {
        var response = await Client().FindMentionsAsync(new FindMentionsRequest { Reference = "Directive 05" }, cancellationToken: Ct);

        var mention = Assert.Single(response.Mentions);
        var document = await server.Search().GetDocumentAsync(new GetDocumentRequest { Id = mention.DocumentId }, cancellationToken: Ct);
        Assert.Equal(mention.Text, document.Text[mention.Start..mention.End]);
        Assert.Contains("Chỉ thị 05-CT/TW", mention.Sentence, StringComparison.Ordinal);
        Assert.Equal(2019, mention.Year);
    }

    [Theory]
    [InlineData("hello", "ward", "reference")]
    [InlineData("Directive 05", "colour", "group_by")]
    public async Task SummarizeMentions_BadInput_IsInvalidArgumentNamingTheField(string reference, string groupBy, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client().SummarizeMentionsAsync(new SummarizeMentionsRequest { Reference = reference, GroupBy = groupBy }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveReference_NeverCited_IsAnEmptyAnswer()
    {
        var response = await Client().ResolveReferenceAsync(new ResolveReferenceRequest { Reference = "Nghị quyết 99-NQ/TW" }, cancellationToken: Ct);

        Assert.Empty(response.Keys);
    }

    [Fact]
    public async Task ListReferences_IncludesTheDirective()
    {
        var response = await Client().ListReferencesAsync(new ListReferencesRequest(), cancellationToken: Ct);

        Assert.Contains(response.References, r => r.Key == "05-CT/TW" && r.MentionCount == 1);
    }
}
