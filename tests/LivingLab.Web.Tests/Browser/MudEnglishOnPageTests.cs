namespace LivingLab.Web.Tests.Browser;

/// <summary>The check for MudBlazor's English on Japanese pages finds it where it is and stays quiet where it is not.</summary>
public sealed class MudEnglishOnPageTests
{
    [Theory]
    [InlineData("ja", """<nav><button aria-label="Next page">›</button><p>次のページ</p></nav>""", "Next page")]
    [InlineData("ja", """<div role="dialog"><button title="Close">×</button></div>""", "Close")]
    [InlineData("ja", """<p>Rows per page:</p>""", "Rows per page:")]
    [InlineData("ja", """<button aria-label="次のページ">›</button><p>English</p>""", null)]
    [InlineData("en", """<button aria-label="Next page">›</button>""", null)]
    public async Task Finds_MudBlazor_English_only_on_a_Japanese_page(string lang, string body, string? expected)
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.Browser.NewPageAsync();
        await page.SetContentAsync($"<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title></head><body>{body}</body></html>");

        var found = await MudEnglishOnPage.FindAsync(page);

        if (expected is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Equal([expected], found);
        }
    }
}
