using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Analysis;

/// <summary>
/// Turns the words and phrases of a user query into Lucene queries over the title and text fields:
/// the exact fields rank above the folded ones, the title above the text.
/// </summary>
public sealed class TextQueryFactory(Analyzer analyzer)
{
    private const float TitleBoost = 3f;
    private const float FoldedWeight = 0.5f;

    /// <summary>Free words: each must match in some field. Null when the text holds no searchable token.</summary>
    public Query? Words(string text)
    {
        var exactTokens = Tokens(AnalyzedFields.Text, text);
        if (exactTokens.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery();
        for (var i = 0; i < exactTokens.Count; i++)
        {
            var either = new BooleanQuery();
            foreach (var field in AnalyzedFields.TitleFields.Concat(AnalyzedFields.TextFields))
            {
                var tokens = Tokens(field, text);
                if (i >= tokens.Count)
                {
                    continue;
                }

                var term = new TermQuery(new Term(field, tokens[i])) { Boost = Weight(field) };
                either.Add(term, Occur.SHOULD);
            }

            all.Add(either, Occur.MUST);
        }

        return all;
    }

    /// <summary>A quoted phrase: the tokens in order, in some field. Null when it holds no token.</summary>
    public Query? Phrase(string text)
    {
        var either = new BooleanQuery();
        foreach (var field in AnalyzedFields.TitleFields.Concat(AnalyzedFields.TextFields))
        {
            var tokens = Tokens(field, text);
            if (tokens.Count == 0)
            {
                continue;
            }

            var phrase = new PhraseQuery { Boost = Weight(field) };
            foreach (var token in tokens)
            {
                phrase.Add(new Term(field, token));
            }

            either.Add(phrase, Occur.SHOULD);
        }

        return either.Clauses.Count == 0 ? null : either;
    }

    private static float Weight(string field)
    {
        var weight = AnalyzedFields.TitleFields.Contains(field) ? TitleBoost : 1f;
        return AnalyzedFields.IsFolded(field) ? weight * FoldedWeight : weight;
    }

    private List<string> Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
