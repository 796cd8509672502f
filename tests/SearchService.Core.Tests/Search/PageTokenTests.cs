using SearchService.Core.Errors;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

public sealed class PageTokenTests
{
    private readonly PageToken _tokens = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private readonly byte[] _query = PageToken.Fingerprint("dân vận", "", "relevance");

    [Fact]
    public void Decode_OwnToken_GivesTheOffset()
    {
        var token = _tokens.Encode(_query, 40);

        Assert.Equal(40, _tokens.Decode(token, _query));
    }

    [Fact]
    public void Decode_TokenOfAnotherQuery_IsInvalidArgument()
    {
        var token = _tokens.Encode(_query, 40);

        var error = Assert.Throws<InvalidRequestException>(() => _tokens.Decode(token, PageToken.Fingerprint("other", "", "relevance")));
        Assert.Equal("page_token", error.Field);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Decode_Garbage_IsInvalidArgument(string token)
    {
        var error = Assert.Throws<InvalidRequestException>(() => _tokens.Decode(token, _query));
        Assert.Equal("page_token", error.Field);
    }

    [Fact]
    public void Decode_TokenWithChangedOffset_FailsTheSignature()
    {
        var token = _tokens.Encode(_query, 10);
        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "===".Substring(0, (4 - (token.Length % 4)) % 4));
        bytes[20] ^= 0x40; // inside the offset
        var forged = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Throws<InvalidRequestException>(() => _tokens.Decode(forged, _query));
    }

    [Fact]
    public void Decode_TokenSignedWithAnotherKey_IsRefused()
    {
        var other = new PageToken(new byte[32]);

        Assert.Throws<InvalidRequestException>(() => _tokens.Decode(other.Encode(_query, 10), _query));
    }
}
