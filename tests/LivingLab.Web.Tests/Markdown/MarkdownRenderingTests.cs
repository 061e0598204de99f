using AngleSharp.Dom;
using LivingLab.Web.Markdown;

namespace LivingLab.Web.Tests.Markdown;

public sealed class MarkdownRenderingTests
{
    private static IElement Body(string markdown) => HtmlSafety.Parse(MarkdownRenderer.Render(markdown)).Body!;

    [Fact]
    public void Bold_and_emphasis_render()
    {
        var body = Body("**太字** と *強調* と ~~取り消し~~");

        Assert.Equal("太字", body.QuerySelector("strong")!.TextContent);
        Assert.Equal("強調", body.QuerySelector("em")!.TextContent);
        Assert.Equal("取り消し", body.QuerySelector("del")!.TextContent);
    }

    [Fact]
    public void Lists_render()
    {
        var body = Body("- 駐輪場\n- 公園\n\n1. 調査\n2. 実証");

        Assert.Equal(["駐輪場", "公園"], body.QuerySelectorAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(["調査", "実証"], body.QuerySelectorAll("ol > li").Select(li => li.TextContent));
    }

    [Fact]
    public void An_http_link_renders_with_rel_nofollow_ugc_noopener()
    {
        var link = Body("[町の資料](https://town.example/資料?年=2026)").QuerySelector("a")!;

        Assert.Equal("町の資料", link.TextContent);
        Assert.StartsWith("https://town.example/", link.GetAttribute("href"));
        Assert.Equal(MarkdownRenderer.LinkRel, link.GetAttribute("rel"));
        Assert.Null(link.GetAttribute("target"));
    }

    [Fact]
    public void Bare_urls_and_email_autolinks_become_links_with_rel()
    {
        var links = Body("https://town.example/a と www.town.example と <staff@town.example>").QuerySelectorAll("a");

        Assert.Equal(["https://town.example/a", "https://www.town.example", "mailto:staff@town.example"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal(MarkdownRenderer.LinkRel, a.GetAttribute("rel")));
    }

    [Fact]
    public void Images_render_as_links_to_the_image_and_never_load()
    {
        var body = Body("![港の地図](https://town.example/map.png) ![](https://town.example/bare.png)");

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal(
            [("港の地図", "https://town.example/map.png"), ("https://town.example/bare.png", "https://town.example/bare.png")],
            body.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))));
    }

    [Fact]
    public void An_image_inside_a_link_becomes_its_alt_text_so_links_do_not_nest()
    {
        var body = Body("[![写真](https://town.example/p.png)](https://town.example/page)");

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("https://town.example/page", link.GetAttribute("href"));
        Assert.Equal("写真", link.TextContent);
    }

    [Fact]
    public void A_refused_link_keeps_its_text()
    {
        var body = Body("詳しくは[こちら](javascript:alert(1))へ");

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal("詳しくはこちらへ", body.TextContent.Trim());
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var body = Body("<b>太字ではない</b> <script>alert(1)</script>");

        Assert.Empty(body.QuerySelectorAll("b, script"));
        Assert.Equal("<b>太字ではない</b> <script>alert(1)</script>", body.TextContent.Trim());
    }

    [Fact]
    public void Japanese_text_is_preserved()
    {
        const string text = "酒田市の飛島で、LINEから島の商店に注文し、電動モビリティで配達する実証実験です。";

        Assert.Equal(text, Body(text).TextContent.Trim());
    }

    [Theory]
    [InlineData("応援しています 👍🏽 🚲 👨‍👩‍👧‍👦 🇯🇵")]
    [InlineData("مرحبا بالعالم — שלום עולם")]
    [InlineData("\u202Eabc\u202C and \u2067نص\u2069")]
    [InlineData("e\u0301 か\u309A ｶﾞ Z\u0335\u0328")]
    [InlineData("'; DROP TABLE challenges; --")]
    [InlineData("SELECT * FROM users WHERE name = 'a' OR '1'='1'")]
    [InlineData("Robert'); DELETE FROM votes WHERE ('1' = '1")]
    public void Text_is_kept_literally(string text)
    {
        Assert.Equal(text, Body(text).TextContent.Trim());
    }

    [Fact]
    public void Pipe_tables_render()
    {
        var body = Body("| 項目 | 件数 |\n|:--|--:|\n| 配達 | 42 |");

        Assert.Equal(["項目", "件数"], body.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal(["配達", "42"], body.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Empty(HtmlSafety.Problems(MarkdownRenderer.Render("| 項目 | 件数 |\n|:--|--:|\n| 配達 | 42 |")));
    }

    [Fact]
    public void A_line_break_in_the_source_is_a_line_break_on_the_page()
    {
        Assert.Single(Body("一行目\n二行目").QuerySelectorAll("p > br"));
    }

    [Fact]
    public void Code_stays_text()
    {
        var body = Body("`<b>x</b>`\n\n```sql\nDROP TABLE x;\n```");

        Assert.Equal("<b>x</b>", body.QuerySelector("p > code")!.TextContent);
        Assert.Equal("DROP TABLE x;\n", body.QuerySelector("pre > code")!.TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_input_renders_nothing(string? markdown)
    {
        using var renderer = new MarkdownRenderer();

        Assert.Equal("", renderer.ToHtml(markdown));
    }

    [Fact]
    public void Absurdly_nested_input_falls_back_to_plain_text_instead_of_failing()
    {
        string[] inputs =
        [
            new string('>', 5_000) + " x",
            string.Concat(Enumerable.Repeat("[", 5_000)) + "x" + string.Concat(Enumerable.Repeat("](javascript:alert(1))", 5_000)),
            string.Concat(Enumerable.Repeat("*a ", 5_000)) + "x" + string.Concat(Enumerable.Repeat(" a*", 5_000)),
            string.Concat(Enumerable.Repeat("- ", 2_000)) + "x",
        ];

        foreach (var input in inputs)
        {
            var html = MarkdownRenderer.Render(input);
            Assert.Empty(HtmlSafety.Problems(html));
            Assert.Contains("x", HtmlSafety.Parse(html).Body!.TextContent);
        }

        var plain = HtmlSafety.Parse(MarkdownRenderer.Render(new string('>', 5_000) + " <script>alert(1)</script>\n二行目")).Body!;
        Assert.Empty(plain.QuerySelectorAll("script"));
        Assert.EndsWith(" <script>alert(1)</script>\n二行目", plain.TextContent.TrimEnd());
    }
}
