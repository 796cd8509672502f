namespace SearchService.Core.Mentions;

/// <summary>
/// A document reference as a person typed it ("Directive 05", "chi thi so 05-CT/TU", "NQ TW4"),
/// parsed by <see cref="ReferenceParser"/>. It is either exact (<see cref="Key"/> set: one key) or open
/// (issuer, year or term left out): an open reference matches every key it fits.
/// </summary>
/// <param name="Input">The text as typed.</param>
/// <param name="Kind">English kind ("directive", …), null when only a symbol was typed and it names none.</param>
/// <param name="Number">The number as typed, without leading zeros ("5" for "05"); null for plenums.</param>
/// <param name="Code">The kind code in keys ("CT", "QĐ", "NĐ"), null for laws and plenums.</param>
/// <param name="Issuer">The issuer code when given ("TW", "TU", "ĐU"), else null.</param>
/// <param name="Year">The year of a State number when given, else null.</param>
/// <param name="Plenum">The Central Committee plenum for a plenum resolution, else null.</param>
/// <param name="Term">The term in Roman numerals when given for a plenum, else null.</param>
/// <param name="Key">The one key this reference names when it is exact ("05-CT/TW", "15/2020/NĐ-CP", "TW4/XII").</param>
public sealed record DocumentReference(
    string Input,
    string? Kind,
    string? Number,
    string? Code,
    string? Issuer,
    string? Year,
    int? Plenum,
    string? Term,
    string? Key)
{
    /// <summary>True when the reference leaves something open, so it may match several keys.</summary>
    public bool IsOpen => Key is null;

    /// <summary>
    /// Whether a mention key is one this reference names. Exact references match only their key;
    /// "Directive 05" matches 05-CT/TW, 05-CT/TU, 05-CT (and State directives numbered 05);
    /// "Resolution TW4" matches TW4, TW4/XI, TW4/XII. Leading zeros do not matter ("Directive 5" = 05).
    /// "Decision" and "Regulation" both match the code QĐ; "Regulation" also matches QĐi.
    /// </summary>
    public bool Matches(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Key is not null)
        {
            // "18-NQ/TW" names every issue of a recurring number: the mentions the report left ambiguous
            // and those resolved to "18-NQ/TW/2017" or "18-NQ/TW/2022".
            return string.Equals(Key, key, StringComparison.Ordinal)
                || key.Length == Key.Length + 5 && key.StartsWith(Key, StringComparison.Ordinal) && key[Key.Length] == '/'
                    && KeyParts.Parse(key) is { IsState: false, Year: not null };
        }

        var parts = KeyParts.Parse(key);
        if (parts is null)
        {
            return false;
        }

        if (Plenum is not null)
        {
            return parts.Plenum == Plenum && (Term is null || parts.Term == Term);
        }

        if (parts.Plenum is not null || Number is null || parts.Number is null)
        {
            return false;
        }

        if (SymbolText.Unpadded(parts.Number) != Number)
        {
            return false;
        }

        if (Year is not null && parts.Year != Year)
        {
            return false;
        }

        if (Issuer is not null && (parts.IsState || parts.Issuer != Issuer))
        {
            return false;
        }

        if (Kind == "law")
        {
            return parts.IsState && parts.Kind?.Name == "law";
        }

        return Code switch
        {
            null => true,
            "QĐ" when Kind == "regulation" => parts.Code is "QĐ" or "QĐi",
            _ => parts.Code == Code,
        };
    }

    /// <summary>A short English description for messages: "directive 05 (any issuer)",
    /// "Chỉ thị 05-CT/TW", "resolution of Central Committee plenum 4 (any term)".</summary>
    public string Describe()
    {
        if (Key is not null)
        {
            return MentionKeys.Label(Key);
        }

        if (Plenum is not null)
        {
            return Term is null
                ? $"resolution of Central Committee plenum {Plenum} (any term)"
                : $"resolution of Central Committee plenum {Plenum}, term {Term}";
        }

        var kind = (Kind ?? "document").Replace('_', ' ');
        var number = SymbolText.PartyNumber(Number ?? "");
        var open = new List<string>();
        if (Issuer is null)
        {
            open.Add("any issuer");
        }
        else
        {
            open.Add("issuer " + Issuer);
        }

        if (Year is not null)
        {
            open.Add("year " + Year);
        }

        return $"{kind} {number} ({string.Join(", ", open)})";
    }
}
