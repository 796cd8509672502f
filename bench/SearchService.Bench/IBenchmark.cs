namespace SearchService.Bench;

/// <summary>One benchmark, found by reflection; run as `SearchService.Bench NAME [args]`.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    int Run(string[] args);
}
