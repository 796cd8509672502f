using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene's own reports in the service's log: the IndexWriter's InfoStream (flushes, merges, commits) at Debug,
/// and a background merge that fails as an error with its exception, instead of an exception on a merge thread.
/// </summary>
internal static class LuceneLogging
{
    /// <summary>The writer's InfoStream as Debug lines; Lucene formats nothing while Debug is off.</summary>
    internal sealed class LoggerInfoStream(ILogger logger) : InfoStream
    {
        public override void Message(string component, string message) => Log.LuceneInfoStream(logger, component, message);

        public override bool IsEnabled(string component) => logger.IsEnabled(LogLevel.Debug);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>Merges on background threads as Lucene runs them; a failed one is logged, and the next commit reports it.</summary>
    internal sealed class LoggingMergeScheduler(ILogger logger) : ConcurrentMergeScheduler
    {
        protected override void HandleMergeException(Exception exc)
        {
            Log.MergeFailed(logger, exc);
        }
    }
}
