namespace SearchService.Cli;

/// <summary>The searchctl executable: the testable root does the work.</summary>
internal static class SearchCtl
{
    public static Task<int> Main(string[] args) => Cli.RunAsync(args, Console.Out, Console.Error);
}
