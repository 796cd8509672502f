using System.Globalization;
using System.Text.Json;
using SearchService.Evaluation;

// The evaluation on real documents: every step prints its figures; the run fails when a metric falls
// below its floor in baseline.json (the level reached when the floor was recorded) or a step reports
// a failure. Usage: SearchService.Evaluation [--only NAME] [--no-corpus]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var repoRoot = FindRepoRoot();
var scratch = Directory.CreateTempSubdirectory("searchservice-eval-").FullName;
var context = new EvaluationContext(repoRoot, scratch, Console.Out);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "baseline.json")));

var steps = typeof(IEvaluationStep).Assembly.GetTypes()
    .Where(t => typeof(IEvaluationStep).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
    .Select(t => (IEvaluationStep)Activator.CreateInstance(t)!)
    .Where(s => only is null || s.Name == only)
    .OrderBy(s => s.Order)
    .ToList();

var failures = new List<string>();
try
{
    foreach (var step in steps)
    {
        Console.WriteLine($"== {step.Name}");
        var result = await step.RunAsync(context, CancellationToken.None);
        failures.AddRange(result.Failures.Select(f => $"{step.Name}: {f}"));
        var floors = baseline.RootElement.TryGetProperty(step.Name, out var section) ? section : default;
        foreach (var (metric, value) in result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var floorText = "";
            if (floors.ValueKind == JsonValueKind.Object && floors.TryGetProperty(metric, out var floor))
            {
                floorText = $"  (floor {floor.GetDouble():0.####})";
                if (value < floor.GetDouble() - 1e-9)
                {
                    failures.Add($"{step.Name}.{metric} = {value:0.####} is below its floor {floor.GetDouble():0.####}");
                }
            }

            Console.WriteLine($"   {metric,-40} {value,12:0.####}{floorText}");
        }
    }
}
finally
{
    Directory.Delete(scratch, recursive: true);
}

Console.WriteLine();
foreach (var failure in failures)
{
    Console.WriteLine("REGRESSION " + failure);
}

Console.WriteLine(failures.Count == 0 ? "evaluation: passed" : $"evaluation: {failures.Count} regression(s)");
return failures.Count == 0 ? 0 : 1;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("SearchService.sln not found above " + AppContext.BaseDirectory);
}
