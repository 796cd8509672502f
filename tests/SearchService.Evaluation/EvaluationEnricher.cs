using SearchService.Core.Documents;

namespace SearchService.Evaluation;

/// <summary>The enricher the server uses, so the evaluation measures the real pipeline.</summary>
internal static class EvaluationEnricher
{
    public static IDocumentEnricher Create() => TextEnricher.CreateDefault();
}
