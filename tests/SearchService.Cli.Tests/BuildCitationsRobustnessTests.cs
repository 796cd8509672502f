using Grpc.Core;
using SearchService.Api.V1;
using SearchService.Server.Tests;

namespace SearchService.Cli.Tests;

/// <summary>Generated BuildCitations requests: each is answered or refused, never INTERNAL or UNKNOWN.</summary>
public sealed class BuildCitationsRobustnessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Ids = ["long-bien/cu-khoi-2018", "tay-ho/nhat-tan-2021", "no/such", "", " ", "../x", "a\u0001b", new string('x', 600)];
    private static readonly string[] Queries = ["", "phường", "\"dân vận\"", "-phường", "chi thi 05", "((", "\"", new string('a', 1200)];
    private static readonly string[] References = ["", "Chỉ thị 05", "hello", "NQ TW4", "05-CT/TƯ", "Chỉ thị 99-CT/TW", new string('9', 300)];
    private static readonly string[] Styles = ["", "text", "markdown", "csl_json", "bibtex", "apa", "BIBTEX"];
    private static readonly int[] MaxResults = [0, 1, 20, 100, 101, -5, int.MaxValue];

    [Fact]
    public async Task BuildCitations_GeneratedRequests_AreAnsweredOrRefusedNeverFailed()
    {
        var random = new Random(20261129);
        var client = new CitationService.CitationServiceClient(server.Channel());
        var codes = new Dictionary<StatusCode, int>();
        for (var i = 0; i < 300; i++)
        {
            var request = new BuildCitationsRequest
            {
                Query = Pick(random, Queries),
                Reference = Pick(random, References),
                Style = Pick(random, Styles),
                MaxResults = Pick(random, MaxResults),
            };
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                request.DocumentIds.Add(Pick(random, Ids));
            }

            if (random.Next(3) == 0)
            {
                request.Filter = new Filter { Wards = { "Cự Khối" }, Years = { random.Next(-1, 2030) }, YearFrom = random.Next(-3, 3000) };
            }

            var code = StatusCode.OK;
            try
            {
                var response = await client.BuildCitationsAsync(request, cancellationToken: TestContext.Current.CancellationToken);
                Assert.Equal(response.Citations.Count, response.Citations.Select(c => c.DocumentId).Distinct().Count());
            }
            catch (RpcException e)
            {
                code = e.StatusCode;
            }

            Assert.True(code is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound, $"{code} for {request}");
            codes[code] = codes.GetValueOrDefault(code) + 1;
        }

        // The generator reaches every outcome, so the loop above checked something of each.
        Assert.Equal(3, codes.Count);
        Assert.Empty(server.Errors);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
