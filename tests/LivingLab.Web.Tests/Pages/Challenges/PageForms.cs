using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>
/// Submits a server-rendered form as a browser without JavaScript would: every field the form renders (hidden ones with
/// the antiforgery token and Blazor's form name, text, selected options, checked boxes), some changed, posted to the
/// form's action with the same cookies.
/// </summary>
internal static class PageForms
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>GETs a page (any status) and parses it.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, then posts its form named <paramref name="formName"/> with <paramref name="values"/> changed.</summary>
    public static async Task<HttpResponseMessage> Submit(
        HttpClient client, string pageUrl, string formName, IReadOnlyDictionary<string, string?>? values = null)
    {
        var (response, document) = await Get(client, pageUrl);
        Assert.True(response.IsSuccessStatusCode, $"GET {pageUrl}: {(int)response.StatusCode}");
        return await Submit(client, document, pageUrl, formName, values);
    }

    /// <summary>Posts the form named <paramref name="formName"/> of an already loaded page.</summary>
    public static Task<HttpResponseMessage> Submit(
        HttpClient client, IHtmlDocument document, string pageUrl, string formName, IReadOnlyDictionary<string, string?>? values = null)
    {
        var form = Form(document, formName);
        var fields = Fields(form);
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The form Blazor knows by <paramref name="formName"/> (its hidden _handler field).</summary>
    public static IElement Form(IHtmlDocument document, string formName) =>
        document.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector("input[name=_handler]")?.GetAttribute("value") == formName)
        ?? throw new InvalidOperationException($"No form named '{formName}' on the page. Forms: "
            + string.Join(", ", document.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value"))));

    /// <summary>Whether the page renders a form with this name.</summary>
    public static bool HasForm(IHtmlDocument document, string formName) =>
        document.QuerySelectorAll("input[name=_handler]").Any(i => i.GetAttribute("value") == formName);

    private static List<KeyValuePair<string, string>> Fields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    if (select.SelectedOptions.FirstOrDefault() is { } option)
                    {
                        fields.Add(new(name, option.Value));
                    }

                    break;
            }
        }

        return fields;
    }
}
