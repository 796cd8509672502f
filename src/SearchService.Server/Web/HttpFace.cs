using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SearchService.Server.Web;

/// <summary>
/// The two faces of the server on Kestrel. Every <c>--urls</c> address serves gRPC over HTTP/2 (cleartext: prior
/// knowledge), as it always has; every <c>Web:Urls</c> address serves HTTP/1.1: the page, the JSON routes
/// and gRPC-Web. Kestrel cannot tell HTTP/1.1 from cleartext HTTP/2 on one port, so they are separate
/// addresses; with TLS one endpoint set to Http1AndHttp2 serves both through ALPN.
/// </summary>
/// <remarks>
/// Both are written as Kestrel endpoints in the configuration (<c>Kestrel:Endpoints:GrpcN</c> and <c>WebN</c>), so
/// Kestrel parses the addresses as it parses <c>--urls</c> (host names, <c>*</c>, port 0, https with the
/// default certificate). When the configuration already names Kestrel endpoints (TLS), those replace
/// <c>--urls</c> as before and only the web addresses are added.
/// </remarks>
internal static class HttpFace
{
    public const string UrlsKey = "Web:Urls";

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The web addresses the configuration asks for; empty when the face is disabled.</summary>
    public static IReadOnlyList<string> WebUrls(IConfiguration configuration)
        => Split(configuration[UrlsKey] ?? DefaultUrls);

    /// <summary>Adds the gRPC and web endpoints to the configuration Kestrel reads.</summary>
    public static void AddEndpoints(ConfigurationManager configuration, IWebHostBuilder webHost)
    {
        var settings = new Dictionary<string, string?>();
        if (!configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            var grpcUrls = Split(configuration[WebHostDefaults.ServerUrlsKey] ?? "");
            if (grpcUrls.Count == 0)
            {
                grpcUrls = ["http://127.0.0.1:5000"];
            }

            for (var i = 0; i < grpcUrls.Count; i++)
            {
                settings[$"Kestrel:Endpoints:Grpc{i}:Url"] = grpcUrls[i];
                settings[$"Kestrel:Endpoints:Grpc{i}:Protocols"] = nameof(HttpProtocols.Http2);
            }

            // The endpoints above are --urls; leaving it set too would only make Kestrel warn that it is overridden.
            webHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        }

        var webUrls = WebUrls(configuration);
        for (var i = 0; i < webUrls.Count; i++)
        {
            settings[$"Kestrel:Endpoints:Web{i}:Url"] = webUrls[i];
            // On TLS, ALPN lets browsers use HTTP/2 and gRPC clients reach the same port; cleartext is HTTP/1.1 only.
            settings[$"Kestrel:Endpoints:Web{i}:Protocols"] = webUrls[i].StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                ? nameof(HttpProtocols.Http1AndHttp2)
                : nameof(HttpProtocols.Http1);
        }

        configuration.AddInMemoryCollection(settings);
    }

    /// <summary>The static files of the page: wwwroot beside the server's binaries (the build copies it there).</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    private static List<string> Split(string value)
        => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
