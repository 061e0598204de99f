using LivingLab.Web.Markdown;

namespace LivingLab.Web.Tests.Markdown;

public sealed class LinkPolicyTests
{
    [Theory]
    [InlineData("https://town.example/a", "https://town.example/a")]
    [InlineData("HTTP://town.example/", "HTTP://town.example/")]
    [InlineData("mailto:staff@town.example", "mailto:staff@town.example")]
    [InlineData(" \u0001https://town.example/\n", "https://town.example/")]
    [InlineData("ht\ttps://town.example/", "https://town.example/")]
    public void Http_https_and_mailto_are_kept_in_the_form_a_browser_reads(string url, string expected)
    {
        Assert.Equal(expected, LinkPolicy.SafeUrl(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("\u0000javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("vbscript:x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://town.example/")]
    [InlineData("tel:0234-00-0000")]
    [InlineData("//evil.example/")]
    [InlineData("/ideas/1")]
    [InlineData("#top")]
    [InlineData("mailto:")]
    [InlineData("https://")]
    [InlineData("\u3000javascript:alert(1)")]
    [InlineData("ｊａｖａｓｃｒｉｐｔ:alert(1)")]
    public void Everything_else_is_refused(string? url)
    {
        Assert.Null(LinkPolicy.SafeUrl(url));
    }
}
