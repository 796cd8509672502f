namespace SearchService.Core.Metadata;

/// <summary>
/// Reads ward, district, period years and topics of a report from its title and text: composes
/// <see cref="PlaceLocator"/>, <see cref="PeriodYears"/> and <see cref="TopicClassifier"/>. Thread-safe.
/// </summary>
public sealed class DocumentMetadataExtractor
{
    private static readonly Lazy<DocumentMetadataExtractor> DefaultInstance = new(() => new DocumentMetadataExtractor());

    private readonly PlaceLocator _places;
    private readonly TopicClassifier _topics;

    /// <summary>An extractor over the shipped gazetteer and taxonomy.</summary>
    public DocumentMetadataExtractor()
        : this(new PlaceLocator(Gazetteer.Default), TopicClassifier.Default)
    {
    }

    /// <summary>An extractor over the given components.</summary>
    public DocumentMetadataExtractor(PlaceLocator places, TopicClassifier topics)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(topics);
        _places = places;
        _topics = topics;
    }

    /// <summary>One shared extractor over the shipped gazetteer and taxonomy.</summary>
    public static DocumentMetadataExtractor Default => DefaultInstance.Value;

    /// <summary>The metadata of one report.</summary>
    /// <param name="title">Title, NFC (either tone placement, with or without diacritics).</param>
    /// <param name="text">Body text.</param>
    /// <param name="published">Publication date when known; the default period year.</param>
    public DocumentMetadata Extract(string title, string text, DateTimeOffset? published)
    {
        // One syllable cut of each field serves places, years and topics.
        var head = SyllableText.Of(title ?? "");
        var body = SyllableText.Of(text ?? "");
        var place = _places.Locate(head, body);
        return new DocumentMetadata(
            place.Ward,
            place.District,
            PeriodYears.ExtractFromKeys(head.Key, body.Key, published),
            _topics.Classify(head, body))
        {
            PlaceEvidence = place.Evidence,
        };
    }
}
