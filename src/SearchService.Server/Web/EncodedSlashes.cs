namespace SearchService.Server.Web;

/// <summary>
/// Document ids and references hold slashes ("long-bien/cu-khoi-2016-01", "05-CT/TW"). Their JSON routes take
/// them as several path segments; a client that escapes the whole value as one segment sends "%2F", which
/// ASP.NET Core leaves escaped in the path. Under those routes it is read as the slash it stands for.
/// </summary>
internal sealed class EncodedSlashes(RequestDelegate next)
{
    private static readonly string[] Prefixes = ["/v1/documents/", "/v1/references/"];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.Contains("%2F", StringComparison.OrdinalIgnoreCase)
            && Prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
        {
            context.Request.Path = new PathString(path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));
        }

        return next(context);
    }
}
