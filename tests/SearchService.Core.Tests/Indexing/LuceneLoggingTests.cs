using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core.Indexing;
using SearchService.Tests.Shared;

namespace SearchService.Core.Tests.Indexing;

/// <summary>Lucene's own reports reach the service's log: the writer's InfoStream at Debug, and only when Debug is on.</summary>
public sealed class LuceneLoggingTests
{
    [Fact]
    public void IndexWriter_WithDebugOn_ReportsItsCommitsThroughTheLogger()
    {
        var logger = new ListLogger(LogLevel.Debug);
        var path = TestReports.NewIndexFolder();
        using (var store = new IndexStore(Options.Create(new IndexOptions { Path = path }), logger))
        {
            Assert.NotNull(store.Path);
        }

        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Debug && l.Text.StartsWith("Lucene IW:", StringComparison.Ordinal));
    }

    [Fact]
    public void IndexWriter_WithDebugOff_WritesNoLuceneLines()
    {
        var logger = new ListLogger(LogLevel.Information);
        using (var store = new IndexStore(Options.Create(new IndexOptions { Path = TestReports.NewIndexFolder() }), logger))
        {
            Assert.NotNull(store.Path);
        }

        Assert.DoesNotContain(logger.Lines, l => l.Text.StartsWith("Lucene ", StringComparison.Ordinal));
        Assert.NotEmpty(logger.Lines);
    }

    private sealed class ListLogger(LogLevel minimum) : ILogger<IndexStore>
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Lines.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}
