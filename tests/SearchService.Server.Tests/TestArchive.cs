using System.Text;
using SearchService.Tests.Shared;

namespace SearchService.Server.Tests;

/// <summary>The archive of the server tests: good reports in every header variant and broken files.</summary>
internal static class TestArchive
{
    public const string VariantBody = "Hội Cựu chiến binh phường tổ chức tọa đàm về bảo vệ môi trường.";

    /// <summary>Id → (header line, expected view count) of the header variants.</summary>
    public static readonly IReadOnlyDictionary<string, (string Header, long Views)> Variants = new Dictionary<string, (string, long)>
    {
        ["variants/view-count"] = ("Ngày đăng 12/07/2018 | 15:35  | View count: 289", 289),
        ["variants/nbsp"] = ("Ngày đăng 12/07/2018 | 15:35\u00A0 |\u00A0 Lượt xem: 289", 289),
        ["variants/thousands"] = ("Ngày đăng 12/07/2018 | 15:35 | Lượt xem: 1.204", 1204),
        ["variants/no-diacritics"] = ("Ngay dang 12/07/2018 | 15:35 | Luot xem: 289", 289),
    };

    public static readonly IReadOnlyList<string> BrokenFiles = ["broken/binary.txt", "broken/empty.txt", "broken/no-header.txt", "broken/truncated.txt"];

    public static string Create()
    {
        var root = TestReports.WriteArchive();
        foreach (var (id, (header, _)) in Variants)
        {
            TestReports.Write(root, id + ".txt", TestReports.Portal("Cựu chiến binh phường Phúc Lợi tọa đàm", VariantBody, header));
        }

        var portal = TestReports.Portal("Cựu chiến binh phường Phúc Lợi tọa đàm", VariantBody, "Ngày đăng 12/07/2018 | 15:35 | Lượt xem: 289");
        TestReports.Write(root, "variants/crlf-bom.txt", portal.Replace("\n", "\r\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        TestReports.Write(root, "variants/nfd.txt", portal.Normalize(NormalizationForm.FormD));

        Directory.CreateDirectory(Path.Combine(root, "broken"));
        File.WriteAllBytes(Path.Combine(root, "broken/binary.txt"), [0x00, 0x9F, 0x92, 0x96, 0x00]);
        File.WriteAllBytes(Path.Combine(root, "broken/empty.txt"), []);
        TestReports.Write(root, "broken/no-header.txt", "Tin tức\n\nBài không có ngày đăng\n\nNội dung.");
        File.WriteAllBytes(Path.Combine(root, "broken/truncated.txt"), [.. Encoding.UTF8.GetBytes(portal), 0xE1, 0xBA]);
        return root;
    }

    public static int GoodDocumentCount => TestReports.Corpus.Count + Variants.Count + 2;
}
