using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using SearchService.Api.V1;
using SearchRpc = SearchService.Api.V1.SearchService;

namespace SearchService.Bench.Perf;

/// <summary>
/// The researchers' page in headless Debian chromium (chromedriver, Selenium) against the built server on the
/// sample archive: page load to the first search's results on screen (browser cache off, and warm), and a search
/// round trip in the loaded page (query set, request, results drawn), beside the same request the page sends
/// made by a plain program: JSON over HTTP/1.1 and gRPC over HTTP/2. Medians of several runs.
/// Usage: web [runs=15]; needs chromium and chromedriver on the PATH (apt-get install chromium chromium-driver).
/// </summary>
internal sealed class WebBenchmark : IBenchmark
{
    private static readonly string[] Queries =
    [
        "chỉ thị 05", "dân vận khéo", "giải phóng mặt bằng", "cải cách hành chính", "nghị quyết trung ương 4",
        "an toàn thực phẩm", "xây dựng đảng", "chuyển đổi số", "trật tự đô thị", "bầu cử",
    ];

    public string Name => "web";

    public string Description => "the page in headless chromium: load and search round trip, beside JSON and gRPC calls; args: [runs=15]";

    public int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var chromium = OnPath("chromium");
        var driverPath = OnPath("chromedriver");
        if (chromium is null || driverPath is null)
        {
            Console.Error.WriteLine("web: needs chromium and chromedriver on the PATH (apt-get install chromium chromium-driver)");
            return 2;
        }

        var archive = Path.Combine(SyntheticCorpus.RepoRoot, "index-data", "archive");
        var index = Directory.CreateTempSubdirectory("searchservice-web-bench-").FullName;
        var port = FreePort();
        using var server = ServerProcess.Start(archive, index, $"--Web:Urls=http://127.0.0.1:{port}");
        var web = new Uri($"http://127.0.0.1:{port}/");
        Console.WriteLine($"sample archive ({archive}), server started in {server.Startup.TotalMilliseconds:0} ms; {runs} runs per figure, medians (p90)");

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000");
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
        var js = (IJavaScriptExecutor)driver;
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);

        // Warm the server (JIT, index readers) and the browser once.
        Load(driver, web, Queries[0]);

        var rows = new List<(string Label, List<double> Times)>();
        driver.ExecuteCdpCommand("Network.enable", new Dictionary<string, object?>());
        foreach (var cacheOff in new[] { true, false })
        {
            driver.ExecuteCdpCommand("Network.setCacheDisabled", new Dictionary<string, object?> { ["cacheDisabled"] = cacheOff });
            var loads = new List<double>();
            var domReady = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var (ready, dom) = Load(driver, web, Queries[run % Queries.Length]);
                loads.Add(ready);
                domReady.Add(dom);
            }

            var cache = cacheOff ? "cache off" : "cache warm";
            rows.Add(($"page load to DOMContentLoaded ({cache})", domReady));
            rows.Add(($"page load to first results drawn ({cache})", loads));
        }

        // Search round trips in the loaded page: the hash changes, the page asks /v1/search, draws the results.
        Load(driver, web, Queries[0]);
        var roundTrips = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var query = Queries[(run + 1) % Queries.Length];
            var elapsed = js.ExecuteAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const target = '#search?q=' + encodeURIComponent(arguments[0]);
                const t0 = performance.now();
                const observer = new MutationObserver(() => {
                  if (document.body.dataset.state === 'ready' && document.body.dataset.rendered === location.hash) {
                    observer.disconnect();
                    done(performance.now() - t0);
                  }
                });
                observer.observe(document.body, { attributes: true });
                location.hash = target;
                """, query);
            roundTrips.Add(Convert.ToDouble(elapsed, CultureInfo.InvariantCulture));
        }

        rows.Add(("search round trip in the page (request + drawing)", roundTrips));

        // The same request from the page's JavaScript without drawing: what the browser's fetch and JSON parsing cost.
        var fetches = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var query = Queries[(run + 1) % Queries.Length];
            var elapsed = js.ExecuteAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const t0 = performance.now();
                fetch('v1/search?query=' + encodeURIComponent(arguments[0]) + '&facets=ward&facets=district&facets=year&facets=topic&page_size=10&facet_size=30')
                  .then(r => r.json()).then(() => done(performance.now() - t0));
                """, query);
            fetches.Add(Convert.ToDouble(elapsed, CultureInfo.InvariantCulture));
        }

        rows.Add(("the page's request alone (fetch + JSON.parse, no drawing)", fetches));

        // The same request a plain program makes: the page's query string over HTTP/1.1, and gRPC over HTTP/2.
        using var http = new HttpClient { BaseAddress = web };
        using var channel = GrpcChannel.ForAddress(server.Address);
        var grpc = new SearchRpc.SearchServiceClient(channel);
        var jsonTimes = new List<double>();
        var grpcTimes = new List<double>();
        for (var run = -1; run < runs; run++)
        {
            var query = Queries[(run + 1) % Queries.Length];
            var clock = Stopwatch.StartNew();
            http.GetStringAsync($"/v1/search?query={Uri.EscapeDataString(query)}&facets=ward&facets=district&facets=year&facets=topic&page_size=10&facet_size=30").GetAwaiter().GetResult();
            var json = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var request = new SearchRequest { Query = query, Facets = { "ward", "district", "year", "topic" }, PageSize = 10, FacetSize = 30 };
            grpc.Search(request);
            var rpc = clock.Elapsed.TotalMilliseconds;
            if (run >= 0)
            {
                jsonTimes.Add(json);
                grpcTimes.Add(rpc);
            }
        }

        rows.Add(("baseline: the same search as JSON over HTTP/1.1 (HttpClient)", jsonTimes));
        rows.Add(("baseline: the same search over gRPC (HTTP/2)", grpcTimes));

        Console.WriteLine();
        Console.WriteLine($"{"figure",-66} {"median ms",10} {"p90 ms",8}");
        foreach (var (label, times) in rows)
        {
            Console.WriteLine($"{label,-66} {Stats.Median(times),10:0.0} {Stats.Percentile(times, 90),8:0.0}");
        }

        var jsonMedian = Stats.Median(jsonTimes);
        Console.WriteLine();
        Console.WriteLine($"search in the page / plain JSON call: {Stats.Median(roundTrips) / jsonMedian:0.0}×; JSON / gRPC: {jsonMedian / Stats.Median(grpcTimes):0.0}×");
        driver.Quit();
        return 0;
    }

    /// <summary>Navigates to the page with a search and returns (ms to results drawn, ms to DOMContentLoaded).</summary>
    private static (double Ready, double Dom) Load(ChromeDriver driver, Uri web, string query)
    {
        driver.Navigate().GoToUrl("about:blank");
        driver.Navigate().GoToUrl(new Uri(web, "#search?q=" + Uri.EscapeDataString(query)));
        var js = (IJavaScriptExecutor)driver;
        var result = js.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            const report = () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const mark = performance.getEntriesByName('searchservice-ready').at(-1);
              done([mark.startTime, nav.domContentLoadedEventEnd]);
            };
            if (document.body && document.body.dataset.state === 'ready') { report(); return; }
            const observer = new MutationObserver(() => {
              if (document.body.dataset.state === 'ready') { observer.disconnect(); report(); }
            });
            observer.observe(document.body, { attributes: true });
            """);
        var values = (System.Collections.ObjectModel.ReadOnlyCollection<object>)result!;
        return (Convert.ToDouble(values[0], CultureInfo.InvariantCulture), Convert.ToDouble(values[1], CultureInfo.InvariantCulture));
    }

    private static string? OnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
