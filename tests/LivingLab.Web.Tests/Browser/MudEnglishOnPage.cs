using LivingLab.Web.Tests.Components;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Browser;

/// <summary>Finds MudBlazor's own English texts (a pager's "Next page", a dialog's "Close") on a Japanese page.</summary>
public static class MudEnglishOnPage
{
    // Every element's own text and the names a screen reader reads out: aria-label, title, placeholder, alt.
    private const string Texts = """
        () => {
          const found = [];
          for (const element of document.body.querySelectorAll('*')) {
            for (const node of element.childNodes) {
              if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) found.push(node.textContent.trim());
            }
            for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
              const value = element.getAttribute(name);
              if (value && value.trim()) found.push(value.trim());
            }
          }
          return found;
        }
        """;

    /// <summary>The MudBlazor English texts shown on the page, or nothing when the page is not Japanese.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page)
    {
        if (await page.GetAttributeAsync("html", "lang") != "ja")
        {
            return [];
        }

        var texts = await page.EvaluateAsync<string[]>(Texts);
        return texts.Where(text => MudBlazorTexts.Words.Contains(text) || MudBlazorTexts.Words.Any(word => word.Length > 6 && text.StartsWith(word + " ", StringComparison.Ordinal)))
            .Distinct()
            .ToList();
    }
}
