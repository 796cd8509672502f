namespace SearchService.Cli;

/// <summary>A command line that parses but cannot be carried out as given (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
