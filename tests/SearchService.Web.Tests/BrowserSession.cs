using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using SearchService.Server.Tests;
using SearchService.Tests.Shared;

namespace SearchService.Web.Tests;

/// <summary>
/// The built server as a child process on the sample archive (index-data/archive) with its page on a
/// free loopback port, and one headless chromium driven through chromedriver. Nothing starts when the browser is
/// absent; the tests then skip with the reason.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private ServerProcess? _server;
    private ChromeDriver? _driver;

    public Uri WebAddress { get; private set; } = null!;

    public ChromeDriver Driver => _driver ?? throw new InvalidOperationException("the browser did not start");

    /// <summary>Where the screenshots go: SEARCHSERVICE_SCREENSHOTS, else screenshots/ beside the test binaries.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("SEARCHSERVICE_SCREENSHOTS");
            return Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, "screenshots") : configured);
        }
    }

    public static string SampleArchive
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
                {
                    return Path.Combine(dir.FullName, "index-data", "archive");
                }
            }

            throw new DirectoryNotFoundException("the repository (SearchService.sln) is not above " + AppContext.BaseDirectory);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Browser.Chromium is null || Browser.ChromeDriver is null)
        {
            return;
        }

        var port = FreePort();
        _server = await ServerProcess.StartAsync(SampleArchive, TestReports.NewIndexFolder(), TestContext.Current.CancellationToken, $"--Web:Urls=http://127.0.0.1:{port}");
        WebAddress = new Uri($"http://127.0.0.1:{port}/");

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Browser.ChromeDriver)!, Path.GetFileName(Browser.ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser.Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000", "--lang=vi", "--hide-scrollbars");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async ValueTask DisposeAsync()
    {
        _driver?.Quit();
        _driver?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The JSON answer of a route of the same server: what the page should show, asked without the page.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var http = new HttpClient { BaseAddress = WebAddress };
        using var response = await http.GetAsync(pathAndQuery, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.Clone();
    }

    /// <summary>Opens a view by its URL fragment ("search?q=…") and waits until it has its answer.</summary>
    public void Open(string fragment)
    {
        Driver.Navigate().GoToUrl(new Uri(WebAddress, "#" + fragment));
        WaitReady();
    }

    /// <summary>Waits until the view of the current URL has rendered its answer.</summary>
    public void WaitReady()
        => Wait().Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript(
            "return document.body.dataset.state === 'ready' && document.body.dataset.rendered === location.hash;")!);

    /// <summary>Clicks and waits for the view the click leads to.</summary>
    public void ClickAndWait(IWebElement element)
    {
        var before = Driver.Url;
        element.Click();
        Wait().Until(d => d.Url != before);
        WaitReady();
    }

    public WebDriverWait Wait() => new(Driver, TimeSpan.FromSeconds(30));

    public string Fragment => new Uri(Driver.Url).Fragment;

    /// <summary>Saves a screenshot of the window under <see cref="ScreenshotFolder"/>; the whole page when asked.</summary>
    public string Screenshot(string name, bool fullPage = false)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        var size = Driver.Manage().Window.Size;
        if (fullPage)
        {
            var height = Convert.ToInt32(((IJavaScriptExecutor)Driver).ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"));
            Driver.Manage().Window.Size = new System.Drawing.Size(size.Width, Math.Min(Math.Max(height + 140, size.Height), 4000));
        }

        Driver.GetScreenshot().SaveAsFile(path);
        Driver.Manage().Window.Size = size;
        TestContext.Current.SendDiagnosticMessage("screenshot: " + path);
        return path;
    }

    /// <summary>Console errors and uncaught exceptions since the last call.</summary>
    public IReadOnlyList<string> JavaScriptErrors()
        => Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
