using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SearchService.Core.Citations;
using SearchService.Core.Documents;
using SearchService.Core.Indexing;
using SearchService.Core.Mentions.Search;
using SearchService.Core.Search;
using SearchService.Server;
using SearchService.Server.Hosting;
using SearchService.Server.Interceptors;
using SearchService.Server.Services;
using SearchService.Server.Web;
using Serilog;

// The word lists, gazetteer and topics are compiled in: a broken build fails here, with the resource's name.
SearchService.Core.EmbeddedResources.LoadAll();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = HttpFace.WebRoot });

// Every --urls address serves gRPC over HTTP/2; on cleartext that means prior knowledge, no HTTP/1.1 upgrade.
// Every Web:Urls address serves HTTP/1.1: the page, the JSON routes and gRPC-Web (Web/HttpFace.cs).
HttpFace.AddEndpoints(builder.Configuration, builder.WebHost);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
// Each host has its own logger, never the static Log.Logger: tests run several hosts at once, and a
// shared static logger sends one host's events to another's sinks.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
    preserveStaticLogger: true);

builder.Services.AddOptions<ArchiveOptions>()
    .BindConfiguration(ArchiveOptions.Section)
    .PostConfigure(o => o.Path = DefaultPaths.Resolve(o.Path, DefaultPaths.SampleArchive))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddOptions<IndexOptions>()
    .BindConfiguration(IndexOptions.Section)
    .PostConfigure(o => o.Path = DefaultPaths.Resolve(o.Path, DefaultPaths.Index))
    .ValidateDataAnnotations()
    .ValidateOnStart();

builder.Services.AddSingleton<IndexStore>();
builder.Services.AddSingleton<IDocumentEnricher>(_ => TextEnricher.CreateDefault());
builder.Services.AddSingleton<ArchiveSynchronizer>();
builder.Services.AddSingleton<SearchEngine>();
builder.Services.AddSingleton<MentionSearch>();
builder.Services.AddSingleton<CitationComposer>();
builder.Services.AddSingleton<DocumentIngestor>();
builder.Services.AddSingleton<StartupState>();
builder.Services.AddHostedService<IndexStartupService>();

builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
builder.Services.AddGrpc(options =>
{
    options.MaxReceiveMessageSize = limits.MaxReceiveMessageBytes;
    options.MaxSendMessageSize = limits.MaxSendMessageBytes;
    // Outermost first: the log line has the code the caller gets, after errors are mapped and access is checked.
    options.Interceptors.Add<CallLoggingInterceptor>();
    options.Interceptors.Add<ErrorMappingInterceptor>();
    options.Interceptors.Add<WriteAccessInterceptor>();
    options.EnableDetailedErrors = false;
}).AddJsonTranscoding(options =>
{
    // Error details (google.rpc.BadRequest) are Any values in the Status body; JSON needs their types.
    options.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor);
});
builder.Services.AddGrpcSwagger();
builder.Services.AddSwaggerGen(OpenApiDocument.Configure);
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks()
    .AddCheck<IndexHealthCheck>("index");

var app = builder.Build();
app.UseMiddleware<HttpRequestLogging>();
app.UseMiddleware<EncodedSlashes>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
app.UseSwagger(OpenApiDocument.ConfigureRoute);
app.MapGrpcService<SearchGrpcService>();
app.MapGrpcService<IndexGrpcService>();
app.MapGrpcService<MentionGrpcService>();
app.MapGrpcService<CitationGrpcService>();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    ServerLog.ServiceFailed(app.Services.GetRequiredService<ILogger<Program>>(), e);
    return 1;
}

/// <summary>The entry point, public for the in-process test host.</summary>
public partial class Program;
