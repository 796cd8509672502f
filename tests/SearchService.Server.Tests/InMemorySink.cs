using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SearchService.Server.Tests;

/// <summary>Keeps the server's log events so tests can assert on log lines.</summary>
public sealed class InMemorySink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> CallLines(string method) => Events
        .Where(e => e.Properties.TryGetValue("GrpcMethod", out var m) && m is ScalarValue { Value: string s } && s == method)
        .ToList();

    /// <summary>The event id and name a line was logged with (ServerLog's EventId), or null without one.</summary>
    public static (int Id, string Name)? EventOf(LogEvent e)
        => e.Properties.TryGetValue("EventId", out var value) && value is StructureValue id
            && id.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int number }
            ? (number, id.Properties.FirstOrDefault(p => p.Name == "Name")?.Value is ScalarValue { Value: string name } ? name : "")
            : null;
}
