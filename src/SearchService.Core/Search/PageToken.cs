using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SearchService.Core.Errors;

namespace SearchService.Core.Search;

/// <summary>
/// Opaque page tokens: the offset of the next page, bound to the query it came from by a fingerprint
/// and signed with the index's key, so a forged, corrupted or foreign token is refused.
/// </summary>
internal sealed class PageToken(byte[] key)
{
    private const byte Version = 1;
    private const int FingerprintBytes = 16;
    private const int MacBytes = 16;

    /// <summary>A fingerprint of everything that must stay the same between pages (not the page size).</summary>
    public static byte[] Fingerprint(params string[] parts)
    {
        var joined = string.Join('\u001F', parts);
        return SHA256.HashData(Encoding.UTF8.GetBytes(joined))[..FingerprintBytes];
    }

    public string Encode(byte[] fingerprint, int offset)
    {
        var body = new byte[1 + FingerprintBytes + 4];
        body[0] = Version;
        fingerprint.CopyTo(body, 1);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1 + FingerprintBytes), offset);
        var token = new byte[body.Length + MacBytes];
        body.CopyTo(token, 0);
        HMACSHA256.HashData(key, body).AsSpan(0, MacBytes).CopyTo(token.AsSpan(body.Length));
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The offset in the token; throws INVALID_ARGUMENT for anything but a token of this query.</summary>
    public int Decode(string token, byte[] fingerprint, string field = "page_token")
    {
        if (token.Length > 200)
        {
            throw new InvalidRequestException(field, "is not a page token returned by this service");
        }

        byte[] bytes;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            throw new InvalidRequestException(field, "is not a page token returned by this service");
        }

        const int bodyLength = 1 + FingerprintBytes + 4;
        if (bytes.Length != bodyLength + MacBytes || bytes[0] != Version)
        {
            throw new InvalidRequestException(field, "is not a page token returned by this service");
        }

        var expected = HMACSHA256.HashData(key, bytes.AsSpan(0, bodyLength)).AsSpan(0, MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bodyLength)))
        {
            throw new InvalidRequestException(field, "is not a page token returned by this service (signature mismatch)");
        }

        if (!bytes.AsSpan(1, FingerprintBytes).SequenceEqual(fingerprint))
        {
            throw new InvalidRequestException(field, "belongs to a different query, filter or order; start again without a page token");
        }

        var offset = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1 + FingerprintBytes));
        return offset >= 0 ? offset : throw new InvalidRequestException(field, "is not a page token returned by this service");
    }
}
