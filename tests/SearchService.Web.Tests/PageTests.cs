using System.Text.Json;
using OpenQA.Selenium;

namespace SearchService.Web.Tests;

/// <summary>
/// The researchers' page in headless chromium against the real server on the sample archive: what a researcher
/// clicks, what they see, and no JavaScript error on the way. Each view leaves a screenshot.
/// </summary>
public sealed class PageTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private IWebDriver Driver => browser.Driver;

    private IReadOnlyList<IWebElement> Results => Driver.FindElements(By.CssSelector("#results .result"));

    private IReadOnlyList<string> ResultIds => Results.Select(r => r.GetAttribute("data-id")!).ToList();

    private string Summary => Driver.FindElement(By.Id("summary")).Text;

    [Fact]
    public async Task Search_TypedQuery_ShowsHighlightedResultsFacetsAndABookmarkableUrl()
    {
        Browser.Require();
        browser.Open("search");

        var box = Driver.FindElement(By.Id("q"));
        box.SendKeys("chỉ thị 05");
        box.SendKeys(Keys.Enter);
        browser.Wait().Until(_ => browser.Fragment.Contains("q=", StringComparison.Ordinal));
        browser.WaitReady();
        var marks = Driver.FindElements(By.CssSelector("#results .snippet mark.hit")).Select(m => m.Text.ToLowerInvariant()).ToList();
        var facetFields = Driver.FindElements(By.CssSelector("#facets details.facet")).Select(f => f.GetAttribute("data-field")).ToList();
        var firstUrl = Driver.Url;
        browser.Screenshot("search");

        var api = await browser.GetJsonAsync("v1/search?query=" + Uri.EscapeDataString("chỉ thị 05"));
        Assert.StartsWith($"{api.GetProperty("totalSize").GetInt32()} báo cáo", Summary, StringComparison.Ordinal);
        Assert.Equal(10, Results.Count);
        Assert.Contains("05", marks);
        Assert.Equal(["ward", "district", "year", "topic"], facetFields);
        Assert.Contains("Các báo cáo trích dẫn 05-CT/TW được xếp trước", Driver.FindElement(By.CssSelector("#results .notice")).Text, StringComparison.Ordinal);
        var ids = ResultIds;
        browser.Open("search");
        Driver.Navigate().GoToUrl(firstUrl);
        browser.WaitReady();
        Assert.Equal(ids, ResultIds);
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void FacetClick_FiltersAndASecondValueOfTheSameFacetWidensAgain()
    {
        Browser.Require();
        browser.Open("search?q=" + Uri.EscapeDataString("dân vận"));
        var all = Summary;

        browser.ClickAndWait(Facet("district", "Long Biên"));
        var longBien = Results.Select(r => r.FindElement(By.CssSelector(".meta")).Text).ToList();
        var longBienTotal = Total();
        var otherValueCount = Facet("district", "Đống Đa").FindElement(By.CssSelector(".count")).Text;
        browser.ClickAndWait(Facet("district", "Đống Đa"));
        var both = Total();
        browser.Screenshot("search-facets");

        Assert.NotEqual(all, Summary);
        Assert.All(longBien, meta => Assert.Contains("uận Long Biên", meta, StringComparison.Ordinal));
        Assert.Contains("district=Long", browser.Fragment, StringComparison.Ordinal);
        Assert.Equal(longBienTotal + int.Parse(otherValueCount, System.Globalization.CultureInfo.InvariantCulture), both);
        Assert.Equal("true", Facet("district", "Long Biên").GetAttribute("aria-checked"));
        Assert.Equal("true", Facet("district", "Đống Đa").GetAttribute("aria-checked"));
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void Paging_NextPreviousAndABookmarkedLaterPage()
    {
        Browser.Require();
        browser.Open("search");
        var first = ResultIds;

        browser.ClickAndWait(Driver.FindElement(By.CssSelector(".pager a.next")));
        var second = ResultIds;
        var secondSummary = Summary;
        browser.ClickAndWait(Driver.FindElement(By.CssSelector(".pager a.prev")));
        var back = ResultIds;
        browser.Open("search");
        browser.Open("search?page=3");
        var third = ResultIds;

        Assert.Equal(10, first.Count);
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.EndsWith("11–20", secondSummary, StringComparison.Ordinal);
        Assert.Equal(first, back);
        Assert.Empty(third.Intersect(first.Concat(second)));
        Assert.EndsWith("21–30", Summary, StringComparison.Ordinal);
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void RelaxedQuery_SaysWhichWordsItShowsResultsWithout()
    {
        Browser.Require();
        browser.Open("search?q=" + Uri.EscapeDataString("dân vận khéo zyxwvq"));

        var notice = Driver.FindElement(By.CssSelector("#results .notice.relaxed")).Text;

        Assert.Equal("Không có kết quả cho zyxwvq; hiển thị kết quả không có từ đó.", notice);
        Assert.NotEmpty(Results);
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void DocumentView_FromAResult_ShowsMetadataTopicEvidenceAndMarkedMentions()
    {
        Browser.Require();
        browser.Open("search?q=" + Uri.EscapeDataString("Cự Khối chỉ thị 05") + "&year=2016");

        browser.ClickAndWait(Results[0].FindElement(By.CssSelector("a.result-title")));
        var meta = Driver.FindElements(By.CssSelector(".meta-table tr")).ToDictionary(r => r.FindElement(By.TagName("th")).Text, r => r.FindElement(By.TagName("td")).Text);
        var mentions = Driver.FindElements(By.CssSelector("#doc-text mark.mention")).Select(m => m.Text).ToList();
        var evidence = Driver.FindElements(By.CssSelector(".evidence li")).Select(e => e.Text).ToList();
        browser.Screenshot("document");

        Assert.Contains("id=long-bien%2Fcu-khoi-2016-01", browser.Fragment, StringComparison.Ordinal);
        Assert.Equal("long-bien/cu-khoi-2016-01", meta["Mã"]);
        Assert.Equal("Cự Khối", meta["Phường"]);
        Assert.Equal("Long Biên", meta["Quận"]);
        Assert.Equal("15/07/2016 14:20", meta["Ngày đăng"]);
        Assert.Equal(["Chỉ thị 05-CT/TW", "Chỉ thị 05", "Chỉ thị 05-CT/TW"], mentions);
        Assert.Contains(evidence, e => e.StartsWith("Xây dựng Đảng — dấu hiệu:", StringComparison.Ordinal));
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Theory]
    [InlineData("Chỉ thị 05")]
    [InlineData("chi thi 05")]
    [InlineData("05-CT/TƯ")]
    public async Task ReferenceView_AnySpelling_GivesWardsReportsDatesAndATimeline(string typed)
    {
        Browser.Require();
        browser.Open("ref");

        var box = Driver.FindElement(By.Id("ref-input"));
        box.SendKeys(typed);
        box.SendKeys(Keys.Enter);
        browser.Wait().Until(_ => browser.Fragment.Contains("r=", StringComparison.Ordinal));
        browser.WaitReady();
        var rows = Driver.FindElements(By.CssSelector("#reference-table tbody tr"))
            .Select(r => r.FindElements(By.TagName("td")).Select(c => c.Text).ToList()).ToList();
        var marks = Driver.FindElements(By.CssSelector("#timeline a.mark"));
        var resolved = Driver.FindElement(By.Id("resolved")).Text;
        if (typed == "Chỉ thị 05")
        {
            browser.Screenshot("reference", fullPage: true);
        }

        // What the page shows is what the API answers for the same reference, on the same server.
        var summary = await browser.GetJsonAsync($"v1/references/{Uri.EscapeDataString(typed)}:summarize?group_by=ward");
        var key = Assert.Single(summary.GetProperty("keys").EnumerateArray());
        var groups = summary.GetProperty("groups").EnumerateArray().ToList();
        var reports = groups.Sum(g => g.GetProperty("documentCount").GetInt64());
        Assert.Equal("05-CT/TW", key.GetProperty("key").GetString());
        Assert.StartsWith($"Hiểu là: {key.GetProperty("label").GetString()} (05-CT/TW): {key.GetProperty("documentCount").GetInt64()} báo cáo, {key.GetProperty("mentionCount").GetInt64()} lần nhắc", resolved, StringComparison.Ordinal);
        Assert.Equal(groups.Count, rows.Count);
        var cuKhoi = Assert.Single(rows, r => r[0] == "Cự Khối");
        Assert.Equal(["Cự Khối", "Long Biên", "1", "3", "15/07/2016", "15/07/2016", "long-bien/cu-khoi-2016-01"], cuKhoi);
        Assert.Equal(reports, rows.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(reports, marks.Count);
        Assert.True(rows.Count >= 10, $"the sample archive cites Chỉ thị 05 in {rows.Count} wards; the view should list at least ten");

        browser.ClickAndWait(Driver.FindElement(By.CssSelector("#reference-table tr[data-group='Cự Khối'] td.docs a")));
        Assert.Equal("long-bien/cu-khoi-2016-01", Driver.FindElement(By.CssSelector("article.document")).GetAttribute("data-id"));
        Assert.Equal(3, Driver.FindElements(By.CssSelector("#doc-text mark.mention.focus")).Count);
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void ReferenceView_ByDistrict_TimelineMarkOpensTheReport()
    {
        Browser.Require();
        browser.Open("ref?r=" + Uri.EscapeDataString("NQ TW4") + "&by=district");

        var groups = Driver.FindElements(By.CssSelector("#reference-table tbody tr")).Select(r => r.GetAttribute("data-group")).ToList();
        var mark = Driver.FindElement(By.CssSelector("#timeline a.mark"));
        var id = mark.GetAttribute("data-id");
        browser.ClickAndWait(mark);

        Assert.Contains("Long Biên", groups);
        Assert.Equal(id, Driver.FindElement(By.CssSelector("article.document")).GetAttribute("data-id"));
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void CitationBasket_PickedReports_ExportInEveryStyle()
    {
        Browser.Require();
        browser.Open("search?q=" + Uri.EscapeDataString("chỉ thị 05"));
        ((IJavaScriptExecutor)Driver).ExecuteScript("localStorage.clear();");
        browser.Open("search?q=" + Uri.EscapeDataString("chỉ thị 05") + "&order=date_asc");

        var picked = ResultIds.Take(2).ToList();
        foreach (var result in Results.Take(2))
        {
            result.FindElement(By.CssSelector("button.basket-toggle")).Click();
        }

        var count = Driver.FindElement(By.Id("basket-count")).Text;
        browser.ClickAndWait(Driver.FindElement(By.Id("basket-link")));
        var listed = Driver.FindElements(By.CssSelector("#basket-list li")).Select(li => li.GetAttribute("data-id")!).ToList();
        var text = Formatted();
        var bibtex = Export("bibtex");
        var bibFile = Driver.FindElement(By.Id("download")).GetAttribute("download");
        browser.Screenshot("basket", fullPage: true);
        var markdown = Export("markdown");
        var csl = JsonDocument.Parse(Export("csl_json")).RootElement;

        Assert.Equal("2", count);
        Assert.Equal(picked, listed);
        Assert.StartsWith("[1] “", text, StringComparison.Ordinal);
        Assert.Contains("[2] “", text, StringComparison.Ordinal);
        Assert.Equal(2, bibtex.Split("\n@", StringSplitOptions.None).Length);
        Assert.StartsWith("@", bibtex, StringComparison.Ordinal);
        Assert.Equal("trich-dan.bib", bibFile);
        Assert.StartsWith("1. **", markdown, StringComparison.Ordinal);
        Assert.Equal(2, csl.GetArrayLength());
        Assert.Contains("style=csl_json", browser.Fragment, StringComparison.Ordinal);
        Assert.Empty(browser.JavaScriptErrors());
    }

    [Fact]
    public void PhoneWidth_EveryViewFitsWithoutSidewaysScrolling()
    {
        Browser.Require();
        var size = Driver.Manage().Window.Size;
        Driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
        try
        {
            var overflow = new Dictionary<string, long>();
            foreach (var (name, fragment) in new[]
            {
                ("search", "search?q=" + Uri.EscapeDataString("giải phóng mặt bằng")),
                ("document", "doc?id=long-bien/cu-khoi-2016-01"),
                ("reference", "ref?r=" + Uri.EscapeDataString("Chỉ thị 05")),
            })
            {
                browser.Open(fragment);
                overflow[name] = (long)((IJavaScriptExecutor)Driver).ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth;")!;
                browser.Screenshot("phone-" + name);
            }

            Assert.All(overflow, o => Assert.True(o.Value <= 0, $"{o.Key} is {o.Value}px wider than the phone"));
            Assert.Empty(browser.JavaScriptErrors());
        }
        finally
        {
            Driver.Manage().Window.Size = size;
        }
    }

    [Fact]
    public void UnknownDocument_ShowsTheServersReason()
    {
        Browser.Require();
        browser.Open("doc?id=long-bien/no-such-report");

        var error = Driver.FindElement(By.CssSelector(".error")).Text;

        Assert.Equal("Lỗi: document 'long-bien/no-such-report' was not found", error);
        // The 404 of the API call itself is logged by the browser as a failed resource; nothing else may be.
        Assert.DoesNotContain(browser.JavaScriptErrors(), e => !e.Contains("404", StringComparison.Ordinal));
    }

    private IWebElement Facet(string field, string value)
        => Driver.FindElements(By.CssSelector($"#facets a.facet-value[data-facet='{field}']")).Single(a => a.GetAttribute("data-value") == value);

    private int Total() => int.Parse(Summary.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    private string Formatted() => Driver.FindElement(By.Id("formatted")).Text;

    private string Export(string style)
    {
        var select = Driver.FindElement(By.Id("style"));
        var before = Driver.Url;
        select.FindElement(By.CssSelector($"option[value='{style}']")).Click();
        browser.Wait().Until(d => d.Url != before);
        browser.WaitReady();
        return Formatted();
    }
}
