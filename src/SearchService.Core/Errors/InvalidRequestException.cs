namespace SearchService.Core.Errors;

/// <summary>A request that cannot be served as given: <see cref="Field"/> says which part and the message why.</summary>
public sealed class InvalidRequestException(string field, string reason)
    : Exception($"{field}: {reason}")
{
    /// <summary>The request field at fault, in the API's snake_case ("page_size", "filter.years").</summary>
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
