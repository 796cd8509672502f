using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using SearchService.Api.V1;

namespace SearchService.Server.Tests.Reliability;

/// <summary>A server of its own: this test writes while it reads.</summary>
public sealed class LoadServerFixture : ServerFixture;

/// <summary>
/// 64 concurrent callers for 60 s (bounded) while documents are ingested and deleted: no call fails,
/// and afterwards every document is there exactly once, checked by id.
/// </summary>
public sealed class LoadTests(LoadServerFixture server) : IClassFixture<LoadServerFixture>
{
    private const int Callers = 64;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly string[] Queries = ["phường", "dân vận", "chi thi 05", "\"vệ sinh môi trường\"", "ubnd -covid", "", "tiêm chủng", "quốc phòng"];

    [Fact]
    public async Task SixtyFourCallersWhileWriting_NoFailedCallsAndNoLostOrDuplicatedDocuments()
    {
        var ct = TestContext.Current.CancellationToken;
        var channel = server.Channel();
        var search = new SearchService.Api.V1.SearchService.SearchServiceClient(channel);
        var mentions = new MentionService.MentionServiceClient(channel);
        var index = new IndexService.IndexServiceClient(channel);
        var failures = new ConcurrentQueue<string>();
        var calls = 0L;
        var clock = Stopwatch.StartNew();

        async Task Reader(int caller)
        {
            var random = new Random(caller);
            while (clock.Elapsed < Duration && !ct.IsCancellationRequested)
            {
                try
                {
                    switch (random.Next(4))
                    {
                        case 0:
                            await mentions.FindMentionsAsync(new FindMentionsRequest { Reference = "Directive 05" }, cancellationToken: ct);
                            break;
                        case 1:
                            await search.GetDocumentAsync(new GetDocumentRequest { Id = "long-bien/cu-khoi-2018" }, cancellationToken: ct);
                            break;
                        default:
                            var request = new SearchRequest { Query = Queries[random.Next(Queries.Length)], PageSize = 20 };
                            request.Facets.Add("year");
                            request.Facets.Add("reference");
                            await search.SearchAsync(request, cancellationToken: ct);
                            break;
                    }

                    Interlocked.Increment(ref calls);
                }
                catch (RpcException e)
                {
                    failures.Enqueue($"caller {caller}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        }

        var expected = new HashSet<string>(StringComparer.Ordinal);
        async Task Writer()
        {
            var batch = 0;
            while (clock.Elapsed < Duration && !ct.IsCancellationRequested)
            {
                using var call = index.IngestDocuments(server.WriteHeaders(), cancellationToken: ct);
                var ids = Enumerable.Range(0, 20).Select(i => $"load/{batch:0000}-{i:00}").ToList();
                foreach (var id in ids)
                {
                    await call.RequestStream.WriteAsync(new IngestDocumentRequest
                    {
                        Id = id,
                        Title = $"Tin tải {id}: phường Thạch Bàn ra quân",
                        Text = "Đoàn thanh niên phường ra quân vệ sinh môi trường, thực hiện Chỉ thị 05-CT/TW.",
                        Date = "2023-03-26",
                    }, ct);
                }

                await call.RequestStream.CompleteAsync();
                var response = await call;
                if (response.Accepted != ids.Count)
                {
                    failures.Enqueue($"batch {batch}: accepted {response.Accepted} of {ids.Count}");
                }

                expected.UnionWith(ids);
                foreach (var id in ids.Where((_, i) => i % 4 == 0))
                {
                    await index.DeleteDocumentAsync(new DeleteDocumentRequest { Id = id }, server.WriteHeaders(), cancellationToken: ct);
                    expected.Remove(id);
                }

                batch++;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(Reader).Append(Writer()));

        Assert.Empty(failures);
        Assert.True(calls > Callers, $"only {calls} calls were made");
        var present = new List<string>();
        var token = "";
        do
        {
            var page = await search.SearchAsync(new SearchRequest { PageSize = 100, PageToken = token, OrderBy = "date_asc" }, cancellationToken: ct);
            present.AddRange(page.Results.Select(r => r.Document.Id).Where(id => id.StartsWith("load/", StringComparison.Ordinal)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(present.Count, present.Distinct().Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }
}
