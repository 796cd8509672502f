using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SearchService.Core.Archive.Readers;
using SearchService.Tests.Shared;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using S = SearchService.Tests.Shared.PortalSamples;

// Usage: SampleArchive files <archive folder> <work folder>   (everything but the scan's image PDF)
//        SampleArchive image-pdf <png> <dpi> <out.pdf>        (a scanned page: one image, no text)
//        SampleArchive doc-source <out.docx>                  (the source LibreOffice turns into a .doc)
if (args.Length >= 3 && args[0] == "files")
{
    Generator.Files(args[1], args[2]);
}
else if (args.Length >= 4 && args[0] == "image-pdf")
{
    Generator.ImagePdf(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
}
else if (args.Length >= 2 && args[0] == "doc-source")
{
    Generator.Docx(args[1], S.QuanDocTitle, new DateTime(2006, 7, 10, 2, 0, 0, DateTimeKind.Utc), [("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH", null), (S.QuanDocTitle, null), .. S.QuanDocBody.Select(p => (p, (string?)null))], null);
}
else if (args.Length >= 1 && args[0] == "roundtrip")
{
    foreach (var encoding in Enum.GetValues<LegacyEncoding>())
    {
        foreach (var vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ")
        {
            foreach (var tone in new[] { "", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323" })
            {
                var c = (vowel + tone).Normalize(NormalizationForm.FormC);
                var bytes = LegacyVietnamese.Encode(c, encoding);
                var back = bytes is null ? "(none)" : LegacyVietnamese.Decode(bytes, encoding);
                if (back != c)
                {
                    Console.WriteLine($"{encoding} {c} -> {back} [{(bytes is null ? "" : Convert.ToHexString(bytes))}]");
                }
            }
        }
    }
}
else if (args.Length >= 2 && args[0] == "dump-json")
{
    // id -> title and text of each report the readers make of a folder (for judging relevance by hand).
    var reader = new SearchService.Core.Archive.ArchiveReader(long.MaxValue);
    var reports = new SortedDictionary<string, string>(StringComparer.Ordinal);
    foreach (var file in SearchService.Core.Archive.ArchiveFile.List(args[1]))
    {
        foreach (var d in reader.Read(file).Documents)
        {
            reports[d.Id] = d.Title + "\n" + d.Text;
        }
    }

    Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(reports));
}
else if (args.Length >= 2 && args[0] == "dump")
{
    // What the archive's readers make of a folder: status and the start of each document.
    var reader = new SearchService.Core.Archive.ArchiveReader(long.MaxValue);
    foreach (var file in SearchService.Core.Archive.ArchiveFile.List(args[1]))
    {
        var result = reader.Read(file);
        var status = result.Status;
        Console.WriteLine($"== {file.RelativePath}: {SourceStatus.Name(status.State)} {status.Encoding} [{string.Join(",", status.Pages ?? [])}] {status.Reason} attached-to={result.AttachedTo}");
        foreach (var d in result.Documents)
        {
            Console.WriteLine($"   id={d.Id} title={d.Title} date={d.PublishedAt} views={d.ViewCount} category={d.Category} source={d.Source} url={d.Url}");
            Console.WriteLine("   " + (args.Length > 2 ? d.Text : d.Text[..Math.Min(d.Text.Length, 400)]).Replace("\n", "\n   "));
        }
    }
}
else
{
    Console.Error.WriteLine("usage: SampleArchive files <archive folder> <work folder> | image-pdf <png> <dpi> <out.pdf> | doc-source <out.docx>");
    return 2;
}

return 0;

internal static class Generator
{
    private const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

    public static void Files(string archive, string work)
    {
        Directory.CreateDirectory(archive);
        Directory.CreateDirectory(work);

        // 1. Older Liferay portal, with a PDF of the same name.
        File.WriteAllText(Path.Combine(archive, "ngoc-ha-2019-phong-chong-sot-xuat-huyet.html"), Liferay(
            S.NgocHaTitle, "Ngày đăng 14/06/2019 | 08:45 | Lượt xem: 1.327", Paragraphs(S.NgocHaBody)
            + "<p style=\"text-align:center\"><em>Ảnh: Quang cảnh hội nghị triển khai kế hoạch</em></p>"
            + "<p style=\"text-align:right\"><strong>Tác giả: Minh Thu</strong></p>"
            + "<div class=\"attachments\"><p><strong>Tệp đính kèm</strong></p><ul><li><a href=\"/documents/10180/ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf\">Kế hoạch số 38/KH-UBND</a></li></ul></div>",
            "Tin hoạt động", "Cổng thông tin điện tử phường Ngọc Hà"), new UTF8Encoding(false));
        TextPdf(Path.Combine(archive, "ngoc-ha-2019-phong-chong-sot-xuat-huyet.pdf"), "Kế hoạch phòng, chống dịch sốt xuất huyết năm 2019",
            new DateTimeOffset(2019, 6, 10, 9, 0, 0, TimeSpan.FromHours(7)), S.NgocHaPlan);

        // 2. Newer portal CMS, with a linked DOCX of another name.
        File.WriteAllText(Path.Combine(archive, "kim-ma-2023-an-toan-thuc-pham.html"), Cms(
            S.KimMaTitle, "Thứ Năm, 20/04/2023 09:15", "856",
            Paragraphs(S.KimMaBody)
            + "<figure><img src=\"kim-ma-2023_files/ra-quan.jpg\"><figcaption>Ảnh: Lực lượng tham gia lễ ra quân</figcaption></figure>"
            + "<p>Tác giả: Hồng Nhung</p>"
            + $"<p>Tệp đính kèm: <a href=\"https://kimma.badinh.hanoi.gov.vn/uploads/{S.KimMaPlanName}\">{S.KimMaPlanName}</a></p>"), new UTF8Encoding(false));
        Docx(Path.Combine(archive, S.KimMaPlanName), "", new DateTime(2023, 4, 17, 2, 30, 0, DateTimeKind.Utc),
            [.. S.KimMaPlan.Select(p => (p, (string?)null))], S.KimMaPlanTable);

        // 3. A layout of neither generation: readability.
        File.WriteAllText(Path.Combine(archive, "lieu-giai-2022-ngay-hoi-dai-doan-ket.html"), Other(S.LieuGiaiTitle, "Cập nhật: 15/11/2022 16:20", S.LieuGiaiBody), new UTF8Encoding(false));

        // 4. Older portal saved in windows-1258.
        var dienBien = Liferay(S.DienBienTitle, "Ngày đăng 27/12/2014 | 10:05 | Lượt xem: 642", Paragraphs(S.DienBienBody), "Tin tức - Sự kiện", "Phường Điện Biên", charset: "windows-1258");
        File.WriteAllBytes(Path.Combine(archive, "dien-bien-2014-tong-ket-dan-so.html"), LegacyVietnamese.Encode(dienBien, LegacyEncoding.Windows1258)
            ?? throw new InvalidOperationException("windows-1258 cannot hold the page"));

        // 5. A "văn bản" page: a metadata table; the decision itself is a scan (made by the script from this PDF).
        File.WriteAllText(Path.Combine(archive, "phuc-xa-2021-quyet-dinh-125.html"), Liferay(
            S.PhucXaTitle, "Ngày đăng 10/03/2021 | 14:30 | Lượt xem: 215", Table(S.PhucXaTable)
            + "<p><strong>Tệp đính kèm</strong></p><p><a href=\"phuc-xa-2021-quyet-dinh-125.pdf\">125-QD-UBND.pdf</a></p>",
            "Văn bản chỉ đạo điều hành", "Phường Phúc Xá"), new UTF8Encoding(false));
        TextPdf(Path.Combine(work, "scan-source.pdf"), "", null, S.PhucXaScan, fontSize: 16, lineHeight: 30);

        // 6. A standalone DOCX and a standalone PDF.
        Docx(Path.Combine(archive, "giang-vo-2020-cai-cach-hanh-chinh.docx"), S.GiangVoTitle, new DateTime(2020, 12, 18, 3, 0, 0, DateTimeKind.Utc),
            [.. S.GiangVoBody.Select(p => (p, (string?)null))], null);
        TextPdf(Path.Combine(archive, "truc-bach-2018-trat-tu-do-thi.pdf"), S.TrucBachTitle,
            new DateTimeOffset(2018, 10, 5, 15, 0, 0, TimeSpan.FromHours(7)), [S.TrucBachTitle, .. S.TrucBachBody]);

        // 7. Legacy encodings: portal text in TCVN3 and in VNI; a DOCX with .VnTimeH, .VnTime and VNI-Times runs.
        File.WriteAllBytes(Path.Combine(archive, "doi-can-2008-phat-dong-phong-trao.txt"), Encode(
            Portal("Tin tức", S.DoiCanTitle, "Ngày đăng 12/03/2008 | 10:20 | Lượt xem: 377", S.DoiCanBody), LegacyEncoding.Tcvn3));
        File.WriteAllBytes(Path.Combine(archive, "cong-vi-2007-quy-uoc-khu-dan-cu.txt"), Encode(
            Portal("Tin tức", S.CongViTitle, "Ngày đăng 19/09/2007 | 08:00 | Lượt xem: 291", S.CongViBody), LegacyEncoding.Vni));
        var quan = new List<(string Text, string? Font)> { (Chars(S.QuanHeading, LegacyEncoding.Tcvn3), ".VnTimeH"), (Chars(S.QuanTitle, LegacyEncoding.Tcvn3), ".VnTime") };
        quan.AddRange(S.QuanTcvn3Body.Select(p => (Chars(p, LegacyEncoding.Tcvn3), (string?)".VnTime")));
        quan.Add((Chars(S.QuanVniBody, LegacyEncoding.Vni), "VNI-Times"));
        Docx(Path.Combine(archive, "quan-2009-tong-ket-thi-dua.docx"), "", new DateTime(2009, 12, 28, 1, 0, 0, DateTimeKind.Utc), quan, null);
    }

    /// <summary>The portal text layout the archive already reads: section, title, header line, body.</summary>
    private static string Portal(string section, string title, string header, IEnumerable<string> body) =>
        $"{section}\n\n{title}\n\n{header}\n\n{string.Join("\n\n", body)}\n";

    private static byte[] Encode(string text, LegacyEncoding encoding) =>
        LegacyVietnamese.Encode(text.Replace("\n", "\r\n", StringComparison.Ordinal), encoding) ?? throw new InvalidOperationException($"{encoding} cannot hold the text");

    /// <summary>Text as Word keeps a legacy font's text: each byte as the Windows-1252 character.</summary>
    private static string Chars(string text, LegacyEncoding encoding) =>
        CodePages.Windows1252.GetString(Encode(text, encoding));

    private static string Paragraphs(IEnumerable<string> paragraphs) => string.Concat(paragraphs.Select(p => $"<p style=\"text-align:justify\">{WebUtility.HtmlEncode(p)}</p>\n"));

    private static string Table(IEnumerable<string[]> rows) =>
        "<table class=\"van-ban\">" + string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select((c, i) => i == 0 ? $"<th>{WebUtility.HtmlEncode(c)}</th>" : $"<td>{WebUtility.HtmlEncode(c)}</td>")) + "</tr>")) + "</table>";

    private static string Liferay(string title, string header, string bodyHtml, string section, string site, string charset = "UTF-8") => $"""
        <!DOCTYPE html>
        <html class="aui ltr" dir="ltr" lang="vi-VN">
        <head>
        <meta content="text/html; charset={charset}" http-equiv="content-type" />
        <title>{WebUtility.HtmlEncode(title)} - {WebUtility.HtmlEncode(site)}</title>
        <link href="/html/themes/classic/css/main.css" rel="stylesheet" type="text/css" />
        <script type="text/javascript">var themeLanguage = "vi_VN";</script>
        </head>
        <body class="yui3-skin-sam controls-visible signed-out public-page">
        <div id="wrapper">
        <header id="banner"><div class="site-title">{WebUtility.HtmlEncode(site)}</div>
        <nav id="navigation"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav></header>
        <div id="content">
        <div class="portlet-boundary portlet-journal-content">
        <span class="portlet-title">{WebUtility.HtmlEncode(section)}</span>
        <div class="journal-content-article">
        <h1 class="title">{WebUtility.HtmlEncode(title)}</h1>
        <p class="date">{WebUtility.HtmlEncode(header)}</p>
        {bodyHtml}
        </div>
        </div>
        <div class="portlet-asset-publisher"><h3>Tin khác</h3><ul><li><a href="/tin-khac-1">Hội nghị giao ban khối dân vận</a></li></ul></div>
        </div>
        <footer id="footer"><p>Bản quyền thuộc {WebUtility.HtmlEncode(site)}. Địa chỉ: quận Ba Đình, Hà Nội.</p></footer>
        </div>
        </body>
        </html>
        """;

    private static string Cms(string title, string time, string views, string bodyHtml) => $"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta property="og:title" content="{WebUtility.HtmlEncode(title)}">
        <meta property="og:site_name" content="Cổng thông tin điện tử phường Kim Mã">
        <link rel="canonical" href="https://kimma.badinh.hanoi.gov.vn/tin-tuc/ra-quan-thang-hanh-dong-an-toan-thuc-pham-2023">
        <title>{WebUtility.HtmlEncode(title)}</title>
        </head>
        <body>
        <div class="header"><a class="logo" href="/">Phường Kim Mã</a><ul class="menu"><li>Giới thiệu</li><li>Tin tức</li><li>Thủ tục hành chính</li></ul></div>
        <div class="container">
        <ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li></ul>
        <div class="detail">
        <h1 class="detail-title">{WebUtility.HtmlEncode(title)}</h1>
        <div class="news-info"><span class="time">{WebUtility.HtmlEncode(time)}</span> <span class="view">Lượt xem: {views}</span></div>
        <div class="detail-time">{WebUtility.HtmlEncode(time)}</div>
        <div class="detail-content">
        {bodyHtml}
        </div>
        <div class="share"><a href="https://www.facebook.com/sharer">Chia sẻ</a></div>
        </div>
        <div class="sidebar"><h3>Tin mới</h3><ul><li>Lịch tiếp công dân tháng 4</li><li>Thông báo thu phí vệ sinh</li></ul></div>
        </div>
        <div class="footer">Ủy ban nhân dân phường Kim Mã - Số 6 Kim Mã, quận Ba Đình, Hà Nội</div>
        </body>
        </html>
        """;

    private static string Other(string title, string time, IEnumerable<string> body) => $"""
        <!DOCTYPE html>
        <html lang="vi">
        <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head>
        <body>
        <div id="top-bar"><span>Mặt trận Tổ quốc phường Liễu Giai</span> | <a href="/lien-he">Liên hệ</a></div>
        <main>
        <div class="post-wrap">
        <h1>{WebUtility.HtmlEncode(title)}</h1>
        <div class="post-meta">{WebUtility.HtmlEncode(time)}</div>
        <div class="post-body">
        {Paragraphs(body)}
        </div>
        </div>
        </main>
        <aside><h4>Bài viết cùng chuyên mục</h4><ul><li><a href="/a">Trao quà cho hộ nghèo dịp Tết</a></li><li><a href="/b">Hội nghị hiệp thương</a></li></ul></aside>
        <footer>© Mặt trận Tổ quốc phường Liễu Giai</footer>
        </body>
        </html>
        """;

    /// <summary>An A4 PDF with a text layer (DejaVu Serif embedded), lines wrapped to the page.</summary>
    public static void TextPdf(string path, string title, DateTimeOffset? created, IEnumerable<string> paragraphs, double fontSize = 11, double lineHeight = 16)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Font));
        if (title.Length > 0)
        {
            builder.DocumentInformation.Title = title;
        }

        if (created is { } at)
        {
            builder.DocumentInformation.CreationDate = $"D:{at:yyyyMMddHHmmss}+{at.Offset.Hours:00}'{at.Offset.Minutes:00}'";
        }

        builder.DocumentInformation.Producer = "SearchService sample generator";
        var page = builder.AddPage(PageSize.A4);
        const double left = 60;
        const double width = 595 - 2 * left;
        var y = 780.0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var line in Wrap(page, paragraph, fontSize, width, font))
            {
                if (y < 60)
                {
                    page = builder.AddPage(PageSize.A4);
                    y = 780;
                }

                page.AddText(line, fontSize, new PdfPoint(left, y), font);
                y -= lineHeight;
            }

            y -= lineHeight / 2;
        }

        File.WriteAllBytes(path, builder.Build());
    }

    private static IEnumerable<string> Wrap(PdfPageBuilder page, string text, double size, double width, PdfDocumentBuilder.AddedFont font)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            var letters = page.MeasureText(candidate, size, new PdfPoint(0, 0), font);
            if (letters.Count > 0 && letters[^1].EndBaseLine.X > width && line.Length > 0)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    /// <summary>A scanned page: the PNG as the only content of an A4 page, no text layer.</summary>
    public static void ImagePdf(string png, int dpi, string path)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Producer = "SearchService sample generator (scan)";
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(File.ReadAllBytes(png), new PdfRectangle(0, 0, 595, 842));
        File.WriteAllBytes(path, builder.Build());
        _ = dpi;
    }

    /// <summary>A DOCX: paragraphs (each with an optional font), an optional table, the core properties.</summary>
    public static void Docx(string path, string title, DateTime created, IReadOnlyList<(string Text, string? Font)> paragraphs, string[][]? table)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        foreach (var (text, font) in paragraphs)
        {
            var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            if (font is not null)
            {
                run.RunProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font });
            }

            body.Append(new Paragraph(run));
        }

        if (table is not null)
        {
            var grid = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            foreach (var row in table)
            {
                grid.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))));
            }

            body.Append(grid);
            body.Append(new Paragraph(new Run(new Text("Nơi nhận: Ủy ban nhân dân quận Ba Đình; Lưu văn phòng."))));
        }

        main.Document = new Document(body);
        if (title.Length > 0)
        {
            document.PackageProperties.Title = title;
        }

        document.PackageProperties.Created = created;
        document.PackageProperties.Creator = "Văn phòng Ủy ban";
    }
}

internal static class CodePages
{
    public static readonly Encoding Windows1252 = GetWindows1252();

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
