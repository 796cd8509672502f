using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Indexing;

/// <summary>
/// Lucene's own reports in the service's log: the IndexWriter's InfoStream (flushes, merges, commits) at Debug,
/// and a background merge that fails as an error with its exception, instead of an exception on a merge thread.
/// </summary>
internal static partial class LuceneLogging
{
    /// <summary>The writer's InfoStream as Debug lines; Lucene formats nothing while Debug is off.</summary>
    internal sealed class LoggerInfoStream(ILogger logger) : InfoStream
    {
        public override void Message(string component, string message) => LogInfoStream(logger, component, message);

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
            LogMergeFailed(logger, exc);
        }
    }

    [LoggerMessage(EventId = 3001, EventName = "LuceneInfoStream", Level = LogLevel.Debug, Message = "Lucene {Component}: {LuceneMessage}")]
    private static partial void LogInfoStream(ILogger logger, string component, string luceneMessage);

    [LoggerMessage(EventId = 3002, EventName = "MergeFailed", Level = LogLevel.Error, Message = "A background merge of the index failed; the segments stay as they were and the next commit or merge retries")]
    private static partial void LogMergeFailed(ILogger logger, Exception exception);
}
