using System.Text;

namespace SearchService.Tests.Shared;

/// <summary>
/// Small reports written for the tests, in the portal format, and temporary archives built from them.
/// The texts are ours; the real documents in ../shared are only read, never copied.
/// </summary>
internal static class TestReports
{
    public const string StandardHeader = "Ngày đăng 09/01/2019 | 09:07  | Lượt xem: 8308";

    public static string Portal(string title, string body, string header = StandardHeader, string section = "Tin tức sự kiện")
        => $"{section}\n\n{title}\n{header}\n\n{body}\n";

    /// <summary>Reports about several wards and years, each with a distinctive word, for search tests.</summary>
    public static IReadOnlyDictionary<string, string> Corpus { get; } = new Dictionary<string, string>
    {
        ["long-bien/cu-khoi-2018"] = Portal(
            "Phường Cự Khối tổng kết công tác xây dựng Đảng năm 2018",
            "Năm 2018, Đảng ủy phường Cự Khối lãnh đạo thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n\nCông tác dân vận được chú trọng, vận động nhân dân giữ gìn vệ sinh môi trường.",
            "Ngày đăng 09/01/2019 | 09:07  | Lượt xem: 120"),
        ["long-bien/thuong-thanh-2020"] = Portal(
            "Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh",
            "Chiều 02/01/2020, Ban Thường vụ Quận ủy làm việc với phường Thượng Thanh về kết quả nhiệm vụ chính trị năm 2019.\n\nPhường đẩy mạnh cải cách hành chính và giải phóng mặt bằng các dự án giao thông.",
            "Ngày đăng 02/01/2020 | 21:49  | Lượt xem: 129"),
        ["long-bien/ngoc-thuy-2018"] = Portal(
            "Phong trào dân vận khéo ở phường Ngọc Thụy",
            "Đảng ủy phường Ngọc Thụy phát động phong trào thi đua dân vận khéo, xây dựng tổ dân phố văn hóa và bảo vệ môi trường ven đê.",
            "Ngày đăng 08/11/2018 | 10:18  | Lượt xem: 829"),
        ["tay-ho/nhat-tan-2021"] = Portal(
            "Phường Nhật Tân đẩy mạnh tiêm chủng vắc xin phòng COVID-19",
            "UBND phường Nhật Tân tổ chức các điểm tiêm chủng an toàn, bảo đảm phòng chống dịch bệnh cho nhân dân trên địa bàn.",
            "Ngày đăng 15/08/2021 | 08:00  | Lượt xem: 1.204"),
        ["tay-ho/quang-an-2016"] = Portal(
            "Hội nghị sơ kết công tác quân sự địa phương phường Quảng An",
            "Phường Quảng An hoàn thành chỉ tiêu giao quân năm 2016, bảo đảm quốc phòng an ninh và trật tự an toàn xã hội.",
            "Ngày đăng 20/03/2016 | 14:30  | Lượt xem: 56"),
        ["cau-giay/dich-vong-2023"] = Portal(
            "Phường Dịch Vọng nâng cao chất lượng giáo dục năm học mới",
            "Các trường học trên địa bàn phường Dịch Vọng khai giảng năm học 2023 - 2024; hội khuyến học trao học bổng cho học sinh nghèo vượt khó.",
            "Ngày đăng 05/09/2023 | 07:45  | Lượt xem: 310"),
    };

    /// <summary>Writes the reports of <paramref name="reports"/> (id → content) into a new temporary archive.</summary>
    public static string WriteArchive(IReadOnlyDictionary<string, string>? reports = null)
    {
        var root = Directory.CreateTempSubdirectory("searchservice-archive-").FullName;
        foreach (var (id, content) in reports ?? Corpus)
        {
            Write(root, id + ".txt", content);
        }

        return root;
    }

    public static string Write(string root, string relativePath, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static string NewIndexFolder() => Directory.CreateTempSubdirectory("searchservice-index-").FullName;
}
