namespace SearchService.Tests.Shared;

/// <summary>
/// The text of the portal files in index-data/archive/ba-dinh, written for this project (realistic, not
/// copied from any portal). tools/SampleArchive builds the files from it; the reader tests compare what
/// they decode with it.
/// </summary>
public static class PortalSamples
{
    public const string Folder = "ba-dinh";

    // The older Liferay portal: a news page with its plan attached as a PDF of the same name.
    public const string NgocHaTitle = "Phường Ngọc Hà triển khai kế hoạch phòng, chống dịch sốt xuất huyết năm 2019";

    public static readonly string[] NgocHaBody =
    [
        "Sáng ngày 13/6/2019, Ủy ban nhân dân phường Ngọc Hà, quận Ba Đình tổ chức hội nghị triển khai kế hoạch phòng, chống dịch sốt xuất huyết trên địa bàn phường năm 2019. Tham dự hội nghị có đại diện Trung tâm Y tế quận Ba Đình, trạm y tế phường, các đồng chí bí thư chi bộ, tổ trưởng tổ dân phố và đại diện các trường học trên địa bàn.",
        "Theo báo cáo của trạm y tế phường, từ đầu năm đến nay trên địa bàn phường đã ghi nhận 12 trường hợp mắc sốt xuất huyết, tập trung chủ yếu tại các tổ dân phố số 5, số 9 và số 14. Nguyên nhân chủ yếu là do thời tiết nắng nóng, mưa nhiều, nhiều hộ gia đình còn tích trữ nước sinh hoạt trong các dụng cụ không có nắp đậy.",
        "Phát biểu chỉ đạo hội nghị, đồng chí Chủ tịch Ủy ban nhân dân phường yêu cầu các tổ dân phố tổ chức tổng vệ sinh môi trường vào sáng thứ Bảy hằng tuần, loại bỏ dụng cụ phế thải chứa nước, phối hợp với trạm y tế phun hóa chất diệt muỗi tại các điểm có nguy cơ cao.",
    ];

    public static readonly string[] NgocHaPlan =
    [
        "ỦY BAN NHÂN DÂN PHƯỜNG NGỌC HÀ",
        "KẾ HOẠCH",
        "Phòng, chống dịch sốt xuất huyết trên địa bàn phường Ngọc Hà năm 2019",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Chủ động phát hiện sớm, khoanh vùng và xử lý kịp thời các ổ dịch, không để dịch lan rộng trong khu dân cư.",
        "2. Nâng cao nhận thức của người dân về các biện pháp diệt bọ gậy, loăng quăng tại hộ gia đình.",
        "II. NỘI DUNG THỰC HIỆN",
        "1. Trạm y tế phường giám sát ca bệnh hằng ngày, báo cáo Trung tâm Y tế quận trước 16 giờ thứ Sáu hằng tuần.",
        "2. Các tổ dân phố thành lập đội xung kích diệt bọ gậy, kiểm tra từng hộ gia đình ít nhất hai lần mỗi tháng.",
        "3. Trường mầm non, tiểu học và trung học cơ sở trên địa bàn tổ chức tuyên truyền cho học sinh và phụ huynh.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Giao Trạm y tế phường là cơ quan thường trực, tổng hợp kết quả và báo cáo Ủy ban nhân dân phường vào ngày 25 hằng tháng.",
    ];

    // The newer portal CMS: the plan is a linked DOCX with another name.
    public const string KimMaTitle = "Phường Kim Mã ra quân Tháng hành động vì an toàn thực phẩm năm 2023";

    public static readonly string[] KimMaBody =
    [
        "Sáng 20/4, Ban Chỉ đạo liên ngành vệ sinh an toàn thực phẩm phường Kim Mã tổ chức lễ ra quân hưởng ứng Tháng hành động vì an toàn thực phẩm năm 2023 với chủ đề nâng cao trách nhiệm của người sản xuất, kinh doanh thực phẩm.",
        "Trong tháng, đoàn kiểm tra liên ngành của phường sẽ kiểm tra 45 cơ sở kinh doanh dịch vụ ăn uống, bếp ăn tập thể của các trường mầm non và các quầy hàng tại chợ Kim Mã. Các cơ sở vi phạm sẽ bị xử lý nghiêm và công khai trên hệ thống loa truyền thanh của phường.",
    ];

    public const string KimMaPlanName = "KH-45-UBND.docx";

    public static readonly string[] KimMaPlan =
    [
        "KẾ HOẠCH Triển khai Tháng hành động vì an toàn thực phẩm năm 2023",
        "Căn cứ kế hoạch của Ủy ban nhân dân quận Ba Đình, Ủy ban nhân dân phường Kim Mã xây dựng kế hoạch như sau:",
    ];

    /// <summary>The plan's table: a header row and three rows, cells in order.</summary>
    public static readonly string[][] KimMaPlanTable =
    [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
        ["1", "Lễ ra quân, diễu hành tuyên truyền", "Ủy ban nhân dân phường", "20/4/2023"],
        ["2", "Kiểm tra cơ sở dịch vụ ăn uống", "Trạm y tế phường", "21/4 đến 15/5/2023"],
        ["3", "Tổng kết, báo cáo kết quả", "Văn phòng Ủy ban", "Trước 20/5/2023"],
    ];

    // A layout neither generation has: read by readability.
    public const string LieuGiaiTitle = "Liễu Giai tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022";

    public static readonly string[] LieuGiaiBody =
    [
        "Chiều 15/11/2022, tại nhà văn hóa tổ dân phố số 7, Ban công tác Mặt trận phường Liễu Giai tổ chức Ngày hội Đại đoàn kết toàn dân tộc, kỷ niệm 92 năm Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam.",
        "Tại ngày hội, Ban công tác Mặt trận đã trao 20 suất quà cho các hộ gia đình có hoàn cảnh khó khăn và biểu dương 15 gia đình văn hóa tiêu biểu. Các tiết mục văn nghệ do hội người cao tuổi và đoàn thanh niên phường biểu diễn đã để lại nhiều ấn tượng với bà con nhân dân.",
        "Dịp này, bà con trong khu dân cư cùng ký cam kết giữ gìn vệ sinh môi trường, không đốt vàng mã trên vỉa hè và tích cực tham gia các phong trào thi đua của phường.",
    ];

    // The older portal in windows-1258 (tones as separate bytes).
    public const string DienBienTitle = "Phường Điện Biên tổng kết công tác dân số năm 2014";

    public static readonly string[] DienBienBody =
    [
        "Ngày 26/12/2014, Ban Chỉ đạo công tác dân số phường Điện Biên tổ chức hội nghị tổng kết năm 2014. Năm qua, tỷ lệ sinh con thứ ba trở lên trên địa bàn phường giảm còn 2,1%, thấp hơn mức chỉ tiêu quận giao.",
        "Hội nghị đã khen thưởng 8 cộng tác viên dân số có thành tích xuất sắc và đề ra nhiệm vụ trọng tâm năm 2015, trong đó chú trọng nâng cao chất lượng dân số và chăm sóc sức khỏe người cao tuổi.",
    ];

    // A "văn bản" page: only a metadata table; the decision is a scanned PDF of the same name.
    public const string PhucXaTitle = "Quyết định thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm 2021";

    public static readonly string[][] PhucXaTable =
    [
        ["Số ký hiệu", "125/QĐ-UBND"],
        ["Ngày ban hành", "08/03/2021"],
        ["Cơ quan ban hành", "Ủy ban nhân dân phường Phúc Xá"],
        ["Trích yếu", "Thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm 2021"],
    ];

    /// <summary>The scanned decision, line by line, as printed before it was scanned.</summary>
    public static readonly string[] PhucXaScan =
    [
        "ỦY BAN NHÂN DÂN PHƯỜNG PHÚC XÁ",
        "QUYẾT ĐỊNH",
        "Về việc thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm 2021",
        "Điều 1. Thành lập Tổ công tác gồm các ông, bà có tên sau đây.",
        "Điều 2. Tổ công tác có nhiệm vụ rà soát, lập danh sách hộ nghèo,",
        "hộ cận nghèo và báo cáo Ủy ban nhân dân phường trước ngày 30/4/2021.",
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
    ];

    // A standalone DOCX with core properties.
    public const string GiangVoTitle = "Báo cáo kết quả công tác cải cách hành chính năm 2020 của phường Giảng Võ";

    public static readonly string[] GiangVoBody =
    [
        "Năm 2020, Ủy ban nhân dân phường Giảng Võ tiếp nhận 3.482 hồ sơ thủ tục hành chính, trong đó 3.470 hồ sơ được giải quyết đúng hạn, đạt tỷ lệ 99,6%. Bộ phận một cửa của phường tiếp tục thực hiện việc tiếp nhận hồ sơ trực tuyến mức độ 3 và mức độ 4.",
        "Phường đã rà soát, niêm yết công khai 87 thủ tục hành chính thuộc thẩm quyền giải quyết tại trụ sở và trên trang thông tin điện tử của phường, đồng thời tổ chức lấy ý kiến đánh giá sự hài lòng của người dân.",
    ];

    // A standalone PDF with a text layer.
    public const string TrucBachTitle = "Báo cáo tình hình trật tự đô thị quý III năm 2018 phường Trúc Bạch";

    public static readonly string[] TrucBachBody =
    [
        "Trong quý III năm 2018, lực lượng trật tự đô thị phường Trúc Bạch đã phối hợp với công an phường kiểm tra, nhắc nhở 214 trường hợp lấn chiếm vỉa hè, lòng đường để kinh doanh, trông giữ xe trái phép trên các tuyến phố Trấn Vũ, Nguyễn Khắc Hiếu và Ngũ Xã.",
        "Phường đã lập biên bản xử lý vi phạm hành chính 36 trường hợp với tổng số tiền phạt 41,5 triệu đồng, tháo dỡ 52 biển quảng cáo sai quy định và giải tỏa 18 điểm tập kết vật liệu xây dựng trên vỉa hè.",
        "Nhiệm vụ quý IV: duy trì kiểm tra thường xuyên các tuyến phố ven hồ Trúc Bạch, giữ gìn cảnh quan khu vực và bảo đảm an toàn giao thông trong dịp cuối năm.",
    ];

    // Legacy encodings: a portal text file in TCVN3 and one in VNI; a DOCX with .VnTime, .VnTimeH and VNI-Times runs.
    // TCVN3 has no capitals with tones (they took the -H fonts), so its texts write "Uỷ ban", as offices then did.
    public const string DoiCanTitle = "Phường Đội Cấn phát động phong trào toàn dân đoàn kết xây dựng đời sống văn hóa";

    public static readonly string[] DoiCanBody =
    [
        "Sáng ngày 12/3/2008, Uỷ ban nhân dân phường Đội Cấn tổ chức lễ phát động phong trào toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư năm 2008.",
        "Các tổ dân phố đã đăng ký xây dựng tổ dân phố văn hóa, giữ gìn trật tự, vệ sinh ngõ xóm và giúp đỡ các hộ gia đình chính sách.",
    ];

    public const string CongViTitle = "Cống Vị tổ chức hội nghị nhân dân về quy ước khu dân cư";

    public static readonly string[] CongViBody =
    [
        "Ngày 18/9/2007, Ủy ban nhân dân phường Cống Vị tổ chức hội nghị lấy ý kiến nhân dân về dự thảo quy ước của các khu dân cư trên địa bàn phường.",
        "Đa số ý kiến tán thành các điều khoản về giữ gìn vệ sinh chung, phòng chống tệ nạn xã hội và tổ chức việc cưới, việc tang theo nếp sống văn minh.",
    ];

    public const string QuanTitle = "Tổng kết công tác thi đua khen thưởng năm 2009";

    public const string QuanHeading = "ủy ban nhân dân quận ba đình";

    public static readonly string[] QuanTcvn3Body =
    [
        "Năm 2009, phong trào thi đua yêu nước trên địa bàn quận được triển khai sâu rộng tới các phường, cơ quan và trường học.",
        "Uỷ ban nhân dân quận đã tặng giấy khen cho 126 tập thể và 348 cá nhân có thành tích xuất sắc trong lao động, học tập và công tác.",
    ];

    public const string QuanVniBody = "Các phường Ngọc Hà, Cống Vị và Liễu Giai được đề nghị Ủy ban nhân dân thành phố tặng cờ thi đua xuất sắc.";

    // A Word 97–2003 document (written by LibreOffice when it is installed).
    public const string QuanDocTitle = "Báo cáo sơ kết công tác phòng cháy, chữa cháy sáu tháng đầu năm 2006";

    public static readonly string[] QuanDocBody =
    [
        "Sáu tháng đầu năm 2006, trên địa bàn quận Ba Đình xảy ra 4 vụ cháy nhỏ, không có thiệt hại về người. Các phường đã tổ chức 27 buổi tuyên truyền về phòng cháy, chữa cháy tại khu dân cư và chợ.",
        "Đội phòng cháy dân phòng của các phường được tập huấn nghiệp vụ và trang bị thêm bình chữa cháy tại các ngõ nhỏ, nơi xe chữa cháy khó tiếp cận.",
    ];
}
