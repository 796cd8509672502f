using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchService.Server.Web;

/// <summary>The OpenAPI description of the JSON routes, generated from the protos' http annotations, at a fixed path.</summary>
internal static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "SearchService",
            Version = "v1",
            Description = "Search, mentions, citations and index statistics over the archive of Vietnamese ward and district reports: "
                + "the JSON face of the gRPC API searchservice.v1 (same messages, lowerCamelCase field names; errors are google.rpc.Status).",
        });
        var comments = System.IO.Path.Combine(AppContext.BaseDirectory, "SearchService.Api.xml");
        if (File.Exists(comments))
        {
            options.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
        }
    }

    public static void ConfigureRoute(SwaggerOptions options) => options.RouteTemplate = "openapi/{documentName}.json";
}
