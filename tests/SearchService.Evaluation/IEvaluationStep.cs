namespace SearchService.Evaluation;

/// <summary>
/// One part of the evaluation on real documents, found by reflection and run in <see cref="Order"/>.
/// A step prints its figures and compares its metrics with the floors in baseline.json.
/// </summary>
internal interface IEvaluationStep
{
    /// <summary>Section name in baseline.json and in the printed report.</summary>
    string Name { get; }

    int Order { get; }

    Task<StepResult> RunAsync(EvaluationContext context, CancellationToken cancellationToken);
}

/// <summary>Metrics a step measured (higher is better) and any failures it found itself.</summary>
internal sealed record StepResult(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Failures)
{
    public static StepResult Of(IReadOnlyDictionary<string, double> metrics) => new(metrics, []);
}
