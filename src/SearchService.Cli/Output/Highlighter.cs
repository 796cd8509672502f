using System.Text;
using SearchService.Api.V1;
using Spectre.Console;

namespace SearchService.Cli.Output;

/// <summary>A snippet as Spectre markup with its highlight ranges marked.</summary>
internal static class Highlighter
{
    /// <summary>Bold yellow on a terminal; «guillemets» in plain output, where there is no color.</summary>
    public static string Markup(Snippet snippet, bool colors)
    {
        var text = snippet.Text.Replace('\n', ' ').Replace('\r', ' ');
        var markup = new StringBuilder();
        var at = 0;
        foreach (var (rangeStart, rangeEnd) in Merge(text, snippet.Highlights))
        {
            var start = Math.Clamp(rangeStart, at, text.Length);
            var end = Math.Clamp(rangeEnd, start, text.Length);
            markup.Append(Spectre.Console.Markup.Escape(text[at..start]));
            var word = Spectre.Console.Markup.Escape(text[start..end]);
            markup.Append(colors ? $"[bold yellow]{word}[/]" : $"«{word}»");
            at = end;
        }

        return markup.Append(Spectre.Console.Markup.Escape(text[at..])).ToString();
    }

    /// <summary>Ranges in order, neighbours only spaces apart joined: «Chỉ thị 05» reads better than «Chỉ» «thị» «05».</summary>
    private static List<(int Start, int End)> Merge(string text, IEnumerable<Highlight> highlights)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var h in highlights.Where(h => h.End > h.Start).OrderBy(h => h.Start))
        {
            if (merged.Count > 0 && h.Start >= merged[^1].End && h.Start <= text.Length
                && string.IsNullOrWhiteSpace(text[merged[^1].End..h.Start]))
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, h.End));
            }
            else if (merged.Count > 0 && h.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, h.End));
            }
            else
            {
                merged.Add((h.Start, h.End));
            }
        }

        return merged;
    }

    /// <summary>The same without markup, for tests and plain text.</summary>
    public static string Plain(Snippet snippet) => Spectre.Console.Markup.Remove(Markup(snippet, colors: false));
}
