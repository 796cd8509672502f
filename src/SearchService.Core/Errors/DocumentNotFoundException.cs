namespace SearchService.Core.Errors;

/// <summary>No document with this id is in the index.</summary>
public sealed class DocumentNotFoundException(string id) : Exception($"document '{id}' was not found")
{
    public string Id { get; } = id;
}
