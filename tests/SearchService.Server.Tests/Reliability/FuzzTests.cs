using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using SearchService.Api.V1;

namespace SearchService.Server.Tests.Reliability;

/// <summary>A server of its own for the fuzz run, with a small message limit to exercise it.</summary>
public sealed class FuzzServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Limits:MaxReceiveMessageBytes"] = "1048576",
    };
}

/// <summary>
/// 10,000 generated requests of every read RPC: random Unicode, Lucene syntax, huge strings, deep
/// nesting, wildcards and regular expressions, out-of-range numbers, forged page tokens. None may end
/// in INTERNAL or UNKNOWN, and the server must stay up with bounded memory.
/// </summary>
public sealed class FuzzTests(FuzzServerFixture server) : IClassFixture<FuzzServerFixture>
{
    private static readonly string[] Fragments =
    [
        "chỉ thị", "05-CT/TW", "chi thi", "NQ TW4", "\"", "-", "+", "*", "?", "a*", "*ab", "/re.*gex/", "~", "~2", "^4", "(", ")", "((((", "))))",
        "[", "]", "{", "}", "[a TO z]", "title:", "text:(", ":", "\\", "&&", "||", "!", "NOT", "AND", "OR", "phường", "Cự Khối", "ủy", "uỷ",
        "\u0300", "\u0301", "\u00A0", "\u200B", "\uFEFF", "\uFFFF", "\uD800", "\uDC00", "😀", "\0", "\n", "\t", "%s", "{0}", "'; DROP", "<script>",
        "Resolution TW4", "Directive 05", "hello", "15/2020/NĐ-CP", "khoá XII", "2018", "-2018", "99999999999999999999",
    ];

    private static readonly string[] Groups = ["ward", "district", "year", "topic", "author", "", "WARD"];
    private static readonly string[] Orders = ["", "relevance", "date_desc", "date_asc", "random", "DATE_DESC"];
    private static readonly string[] FacetNames = ["ward", "district", "year", "topic", "reference", "", "x", "ward"];

    [Fact]
    public async Task TenThousandGeneratedRequests_NeverInternalOrUnknown()
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(20261129);
        var channel = server.Channel();
        var search = new SearchService.Api.V1.SearchService.SearchServiceClient(channel);
        var mentions = new MentionService.MentionServiceClient(channel);
        var validToken = (await search.SearchAsync(new SearchRequest { PageSize = 1 }, cancellationToken: ct)).NextPageToken;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var codes = new Dictionary<StatusCode, int>();

        for (var i = 0; i < 10_000; i++)
        {
            var code = StatusCode.OK;
            try
            {
                await Send(random, search, mentions, validToken, ct);
            }
            catch (RpcException e)
            {
                code = e.StatusCode;
            }

            codes[code] = codes.GetValueOrDefault(code) + 1;
            Assert.True(code is not (StatusCode.Internal or StatusCode.Unknown), $"request {i} gave {code}");
        }

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.True(codes.GetValueOrDefault(StatusCode.OK) > 500, "well-formed generated requests should be served: " + string.Join(", ", codes));
        Assert.True(codes.GetValueOrDefault(StatusCode.InvalidArgument) > 100, "bad input should be refused: " + string.Join(", ", codes));
        Assert.True(codes.GetValueOrDefault(StatusCode.ResourceExhausted) > 0, "oversized messages should be refused: " + string.Join(", ", codes));
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < 256L * 1024 * 1024, $"managed memory grew by {growth:N0} bytes");
        Assert.Empty(server.Errors);
    }

    private static async Task Send(Random random, SearchService.Api.V1.SearchService.SearchServiceClient search, MentionService.MentionServiceClient mentions, string validToken, CancellationToken ct)
    {
        switch (random.Next(7))
        {
            case 0:
            case 1:
            case 2:
                var request = new SearchRequest { Query = Text(random), OrderBy = Pick(random, Orders) };
                if (random.Next(3) == 0)
                {
                    request.PageSize = random.Next(-5, 130);
                }

                if (random.Next(4) == 0)
                {
                    request.PageToken = random.Next(3) switch { 0 => validToken, 1 => Mutate(random, validToken), _ => Text(random) };
                }

                if (random.Next(3) == 0)
                {
                    request.Facets.Add(Pick(random, FacetNames));
                    request.FacetSize = random.Next(-2, 2000);
                }

                if (random.Next(3) == 0)
                {
                    request.Filter = Filter(random);
                }

                await search.SearchAsync(request, cancellationToken: ct);
                break;
            case 3:
                await search.GetDocumentAsync(new GetDocumentRequest { Id = Text(random) }, cancellationToken: ct);
                break;
            case 4:
                await mentions.ResolveReferenceAsync(new ResolveReferenceRequest { Reference = Text(random) }, cancellationToken: ct);
                break;
            case 5:
                var find = new FindMentionsRequest { Reference = Text(random), Filter = Filter(random) };
                if (random.Next(2) == 0)
                {
                    find.PageSize = random.Next(-5, 130);
                }

                await mentions.FindMentionsAsync(find, cancellationToken: ct);
                break;
            default:
                await mentions.SummarizeMentionsAsync(new SummarizeMentionsRequest { Reference = Text(random), GroupBy = Pick(random, Groups), Filter = Filter(random) }, cancellationToken: ct);
                break;
        }
    }

    private static Filter Filter(Random random)
    {
        var filter = new Filter();
        if (random.Next(2) == 0)
        {
            filter.Wards.Add(Text(random));
        }

        if (random.Next(2) == 0)
        {
            filter.Years.Add(random.Next(3) == 0 ? random.Next() : random.Next(2010, 2026));
        }

        if (random.Next(3) == 0)
        {
            filter.References.Add(Text(random));
        }

        if (random.Next(4) == 0)
        {
            filter.YearFrom = random.Next(-10, 3000);
            filter.YearTo = random.Next(-10, 3000);
        }

        return filter;
    }

    private static string Text(Random random)
    {
        switch (random.Next(20))
        {
            case 0:
                return new string('a', random.Next(1_000, 2_000_000));
            case 1:
                return new string('(', 5000) + "x" + new string(')', 5000);
            case 2:
                return string.Concat(Enumerable.Range(0, 300).Select(_ => Pick(random, Fragments) + " "));
            case 3:
                var chars = new char[random.Next(1, 64)];
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)random.Next(0, 0xFFFF);
                }

                return new string(chars);
            default:
                var builder = new StringBuilder();
                for (var i = random.Next(0, 8); i > 0; i--)
                {
                    builder.Append(Pick(random, Fragments)).Append(random.Next(3) == 0 ? "" : " ");
                }

                return builder.ToString();
        }
    }

    private static string Mutate(Random random, string token)
    {
        if (token.Length == 0)
        {
            return "x";
        }

        var chars = token.ToCharArray();
        chars[random.Next(chars.Length)] = (char)('A' + random.Next(26));
        return new string(chars);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
