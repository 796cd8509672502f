using System.Diagnostics;
using System.Text;

namespace SearchService.Core.Archive.Readers;

/// <summary>Runs a program (tesseract, pdftoppm, antiword) as a process with a timeout; the process tree is killed when it runs over.</summary>
internal static class ExternalProgram
{
    public sealed record Outcome(int ExitCode, string Output, string Errors, bool TimedOut);

    /// <summary>The full path of a program in <paramref name="folder"/> or on the PATH, or null when it is not installed.</summary>
    public static string? Find(string name, string? folder = null)
    {
        var folders = string.IsNullOrWhiteSpace(folder)
            ? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [folder];
        foreach (var dir in folders)
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? [name + ".exe", name] : new[] { name })
            {
                var path = Path.Combine(dir, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    public static Outcome Run(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, string? environmentKey = null, string? environmentValue = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environmentKey is not null)
        {
            info.Environment[environmentKey] = environmentValue;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(timer.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended meanwhile.
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new Outcome(-1, "", "", TimedOut: true);
        }

        return new Outcome(process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult(), TimedOut: false);
    }
}
