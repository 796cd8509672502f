using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// Lucene's way of testing token streams (after BaseTokenStreamTestCase): terms, offsets, position
/// increments, types and the final offset, with the Reset/IncrementToken/End/Dispose contract, and
/// attributes poisoned before each token so that a stream that forgets to set one is caught.
/// </summary>
internal static class TokenStreamAssert
{
    public static void AssertTokenStreamContents(
        TokenStream stream,
        string[] terms,
        int[]? startOffsets = null,
        int[]? endOffsets = null,
        int[]? positionIncrements = null,
        string[]? types = null,
        int? finalOffset = null)
    {
        var term = stream.GetAttribute<ICharTermAttribute>();
        var offset = stream.HasAttribute<IOffsetAttribute>() ? stream.GetAttribute<IOffsetAttribute>() : null;
        var increment = stream.HasAttribute<IPositionIncrementAttribute>() ? stream.GetAttribute<IPositionIncrementAttribute>() : null;
        var type = stream.HasAttribute<ITypeAttribute>() ? stream.GetAttribute<ITypeAttribute>() : null;
        Assert.NotNull(term);
        if (startOffsets is not null || endOffsets is not null || finalOffset is not null)
        {
            Assert.NotNull(offset);
        }

        stream.Reset();
        var lastStart = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            Poison(stream, term, offset, increment, type);
            Assert.True(stream.IncrementToken(), $"token {i} ('{terms[i]}') is missing");
            Assert.Equal(terms[i], term.ToString());
            if (startOffsets is not null)
            {
                Assert.True(startOffsets[i] == offset!.StartOffset, $"start offset of token {i} '{terms[i]}': expected {startOffsets[i]}, was {offset.StartOffset}");
            }

            if (endOffsets is not null)
            {
                Assert.True(endOffsets[i] == offset!.EndOffset, $"end offset of token {i} '{terms[i]}': expected {endOffsets[i]}, was {offset.EndOffset}");
            }

            if (positionIncrements is not null)
            {
                Assert.True(positionIncrements[i] == increment!.PositionIncrement, $"position increment of token {i} '{terms[i]}': expected {positionIncrements[i]}, was {increment.PositionIncrement}");
            }

            if (types is not null)
            {
                Assert.Equal(types[i], type!.Type);
            }

            if (offset is not null)
            {
                Assert.True(offset.StartOffset >= 0 && offset.EndOffset >= offset.StartOffset, $"offsets of token {i} out of order");
                if (increment is not null && increment.PositionIncrement > 0)
                {
                    Assert.True(offset.StartOffset >= lastStart, $"token {i} starts before the previous position");
                    lastStart = offset.StartOffset;
                }
            }

            if (increment is not null)
            {
                Assert.True(increment.PositionIncrement >= (i == 0 ? 1 : 0), $"position increment of token {i} is {increment.PositionIncrement}");
            }
        }

        Poison(stream, term, offset, increment, type);
        Assert.False(stream.IncrementToken(), $"unexpected extra token '{term}'");
        stream.End();
        if (finalOffset is not null)
        {
            Assert.Equal(finalOffset.Value, offset!.EndOffset);
        }

        stream.Dispose();
    }

    /// <summary>Runs the analyzer twice on the same field (reuse must give the same tokens).</summary>
    public static void AssertAnalyzesTo(
        Analyzer analyzer,
        string field,
        string input,
        string[] terms,
        int[]? startOffsets = null,
        int[]? endOffsets = null,
        int[]? positionIncrements = null,
        string[]? types = null)
    {
        for (var run = 0; run < 2; run++)
        {
            AssertTokenStreamContents(analyzer.GetTokenStream(field, input), terms, startOffsets, endOffsets,
                positionIncrements, types, finalOffset: input.Length);
        }
    }

    /// <summary>Every token of the stream as (term, start, end, increment, type).</summary>
    public static List<(string Term, int Start, int End, int Increment, string Type)> Tokens(TokenStream stream)
    {
        var result = new List<(string, int, int, int, string)>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement, type.Type));
        }

        stream.End();
        stream.Dispose();
        return result;
    }

    public static List<(string Term, int Start, int End, int Increment, string Type)> Tokens(Analyzer analyzer, string field, string text)
        => Tokens(analyzer.GetTokenStream(field, text));

    private static void Poison(TokenStream stream, ICharTermAttribute term, IOffsetAttribute? offset, IPositionIncrementAttribute? increment, ITypeAttribute? type)
    {
        // What a stream leaves unset shows up as these values (Lucene does the same with "bogusTerm").
        stream.ClearAttributes();
        term.SetEmpty().Append("bogusTerm");
        offset?.SetOffset(14584724, 24683243);
        if (increment is not null)
        {
            increment.PositionIncrement = 45987657;
        }

        if (type is not null)
        {
            type.Type = "bogusType";
        }
    }
}
