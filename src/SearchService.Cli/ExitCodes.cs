namespace SearchService.Cli;

/// <summary>searchctl's exit codes: scripts can tell a typo from a dead server from a refused request.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Anything unexpected, such as a file that cannot be written.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown verb or option, bad value, missing argument.</summary>
    public const int BadArguments = 2;

    /// <summary>The server cannot be reached (connection refused, UNAVAILABLE).</summary>
    public const int Unreachable = 3;

    /// <summary>The server answered with an error status (INVALID_ARGUMENT, NOT_FOUND, …).</summary>
    public const int ServerError = 4;
}
