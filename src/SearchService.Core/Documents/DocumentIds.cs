using SearchService.Core.Archive;

namespace SearchService.Core.Documents;

/// <summary>Rules for document ids: what the API accepts and how file paths become ids.</summary>
public static class DocumentIds
{
    public const int MaxLength = 512;

    /// <summary>Archive-relative path without extension, "/"-separated.</summary>
    public static string FromPath(string relativePath)
    {
        var slashed = relativePath.Replace('\\', '/');
        var dot = slashed.LastIndexOf('.');
        var slash = slashed.LastIndexOf('/');
        return dot > slash + 1 ? slashed[..dot] : slashed;
    }

    /// <summary>Returns the id when it is usable, else throws <see cref="ArchiveFormatException"/> with the reason.</summary>
    public static string Validate(string id)
    {
        var reason = Check(id);
        return reason is null ? id : throw new ArchiveFormatException(reason);
    }

    /// <summary>Null when the id is usable, else why not.</summary>
    public static string? Check(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "'id' is empty";
        }

        if (id.Length > MaxLength)
        {
            return $"'id' is longer than {MaxLength} characters";
        }

        if (id.Any(char.IsControl))
        {
            return "'id' contains control characters";
        }

        return id != id.Trim() ? "'id' has leading or trailing spaces" : null;
    }
}
