namespace SearchService.Evaluation.Relevance;

/// <summary>
/// The user query syntax, parsed just enough for the evaluation (the service's own parser lives elsewhere):
/// runs of free words, "quoted phrases", and a leading '-' excluding a word or a phrase.
/// </summary>
internal sealed record UserQuery(IReadOnlyList<string> WordRuns, IReadOnlyList<string> Phrases,
    IReadOnlyList<string> ExcludedWords, IReadOnlyList<string> ExcludedPhrases)
{
    public static UserQuery Parse(string text)
    {
        var runs = new List<string>();
        var phrases = new List<string>();
        var excludedWords = new List<string>();
        var excludedPhrases = new List<string>();
        var run = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            var start = negated ? i + 1 : i;
            string item;
            bool quoted;
            if (start < text.Length && text[start] == '"')
            {
                var close = text.IndexOf('"', start + 1);
                var end = close < 0 ? text.Length : close;
                item = text[(start + 1)..end];
                i = close < 0 ? text.Length : close + 1;
                quoted = true;
            }
            else
            {
                var end = start;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                item = text[start..end];
                i = end;
                quoted = false;
            }

            if (negated || quoted)
            {
                Flush();
            }

            if (negated)
            {
                (quoted ? excludedPhrases : excludedWords).Add(item);
            }
            else if (quoted)
            {
                phrases.Add(item);
            }
            else
            {
                run.Add(item);
            }
        }

        Flush();
        return new UserQuery(runs, phrases, excludedWords, excludedPhrases);

        void Flush()
        {
            if (run.Count > 0)
            {
                runs.Add(string.Join(' ', run));
                run.Clear();
            }
        }
    }
}
