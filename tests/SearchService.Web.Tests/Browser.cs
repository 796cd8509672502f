namespace SearchService.Web.Tests;

/// <summary>
/// Where Debian's chromium and chromedriver are: SEARCHSERVICE_CHROMIUM and SEARCHSERVICE_CHROMEDRIVER, else the
/// PATH. With SEARCHSERVICE_REQUIRE_BROWSER=1 (CI, which installs them) a missing browser fails the tests instead
/// of skipping them.
/// </summary>
internal static class Browser
{
    public static string? Chromium => Found(Configured("SEARCHSERVICE_CHROMIUM") ?? OnPath("chromium", "chromium-browser", "google-chrome"));

    public static string? ChromeDriver => Found(Configured("SEARCHSERVICE_CHROMEDRIVER") ?? OnPath("chromedriver"));

    private static string? Found(string? path) => string.IsNullOrEmpty(path) ? null : path;

    /// <summary>Skips the test (or fails it, where the browser is required) when either program is missing.</summary>
    public static void Require()
    {
        var missing = new List<string>();
        if (Chromium is null)
        {
            missing.Add("chromium (apt-get install chromium, or set SEARCHSERVICE_CHROMIUM)");
        }

        if (ChromeDriver is null)
        {
            missing.Add("chromedriver (apt-get install chromium-driver, or set SEARCHSERVICE_CHROMEDRIVER)");
        }

        if (missing.Count == 0)
        {
            return;
        }

        var reason = "browser tests need " + string.Join(" and ", missing);
        if (Environment.GetEnvironmentVariable("SEARCHSERVICE_REQUIRE_BROWSER") == "1")
        {
            Assert.Fail(reason + "; SEARCHSERVICE_REQUIRE_BROWSER=1 says it must be there");
        }

        Assert.Skip(reason);
    }

    private static string? Configured(string variable)
    {
        // Set, it is the only place looked at: a path that does not exist (e.g. "none") hides the program.
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value) ? null : File.Exists(value) ? value : "";
    }

    private static string? OnPath(params string[] names)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in names)
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
