using LivingLab.Web.Markdown;

namespace LivingLab.Web.Tests.Markdown;

public sealed class MarkdownCacheTests
{
    [Fact]
    public void The_same_text_is_rendered_once_and_served_from_the_cache()
    {
        using var renderer = new MarkdownRenderer();

        var first = renderer.ToHtml("**キャッシュ**");
        var second = renderer.ToHtml(new string("**キャッシュ**".AsSpan()));

        Assert.Same(first, second);
        Assert.Equal(MarkdownRenderer.Render("**キャッシュ**"), first);
    }

    [Fact]
    public void Different_texts_get_their_own_html()
    {
        using var renderer = new MarkdownRenderer();

        Assert.Contains("<em>", renderer.ToHtml("*a*"));
        Assert.Contains("<strong>", renderer.ToHtml("**a**"));
    }

    [Fact]
    public void A_full_cache_still_renders_correctly()
    {
        using var renderer = new MarkdownRenderer(cacheSizeLimit: 100);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"<p>段落 {i}</p>\n", renderer.ToHtml($"段落 {i}"));
        }

        Assert.Contains("<strong>", renderer.ToHtml("**" + new string('長', 500) + "**"));
    }

    [Fact]
    public void The_markup_form_is_the_same_html()
    {
        using var renderer = new MarkdownRenderer();

        Assert.Equal(renderer.ToHtml("**x**"), renderer.ToMarkup("**x**").Value);
    }
}
