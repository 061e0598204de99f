using System.Net;
using LivingLab.Web.Tests.Account;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>The posting forms without JavaScript: antiforgery token from the page, a plain form post, then a redirect.</summary>
public sealed class ChallengeFormPostTests
{
    private static Dictionary<string, string?> Fields(string title = "公園の街灯が暗い", string body = "夜の**公園**が暗くて歩けません。\n\n- 北口\n- 南口", string category = "safety") => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = body,
        ["Input.Category"] = category,
        ["Input.PlaceText"] = "中央公園",
    };

    [Fact]
    public async Task Posting_the_form_redirects_to_the_new_challenge_which_the_list_shows_at_once()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person("酒田 花子");

        using var posted = await PageForms.Submit(resident, "/challenges/new", "new-challenge", Fields());

        var location = ChallengePagesHost.Redirected(posted);
        Assert.Matches("^/challenges/[0-9a-f]{16}$", location);
        var page = await resident.GetStringAsync(location);
        Assert.Contains("公園の街灯が暗い", page);
        Assert.Contains("<strong>公園</strong>", page);
        Assert.Contains("酒田 花子", page);
        var list = await resident.GetStringAsync("/challenges");
        Assert.Contains($"href=\"{location.TrimStart('/')}\"", list);
    }

    [Fact]
    public async Task The_same_form_posted_twice_creates_one_challenge_and_both_posts_land_on_it()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();
        var (_, form) = await PageForms.Get(resident, "/challenges/new");

        using var first = await PageForms.Submit(resident, form, "/challenges/new", "new-challenge", Fields());
        using var second = await PageForms.Submit(resident, form, "/challenges/new", "new-challenge", Fields());

        Assert.Equal(ChallengePagesHost.Redirected(first), ChallengePagesHost.Redirected(second));
        var list = await Lab.GetJson(resident, "/api/challenges");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Each_rendering_of_the_form_carries_a_fresh_key_so_two_separate_posts_make_two_challenges()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();

        using var first = await PageForms.Submit(resident, "/challenges/new", "new-challenge", Fields("一つ目の課題"));
        using var second = await PageForms.Submit(resident, "/challenges/new", "new-challenge", Fields("二つ目の課題"));

        Assert.NotEqual(ChallengePagesHost.Redirected(first), ChallengePagesHost.Redirected(second));
    }

    [Fact]
    public async Task Preview_renders_the_markdown_and_keeps_the_text_without_posting()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();
        var fields = Fields();
        fields["Input.Action"] = "preview";

        using var previewed = await PageForms.Submit(resident, "/challenges/new", "new-challenge", fields);

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var document = PageForms.Parse(await previewed.Content.ReadAsStringAsync());
        var preview = document.QuerySelector("#challenge-preview")!;
        Assert.Equal("公園", preview.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, preview.QuerySelectorAll("li").Length);
        Assert.Equal("公園の街灯が暗い", document.QuerySelector("#challenge-title")!.GetAttribute("value"));
        Assert.Contains("- 北口", document.QuerySelector("#challenge-body")!.TextContent);
        Assert.Equal("safety", document.QuerySelector("#challenge-category option[selected]")!.GetAttribute("value"));
        Assert.Equal(0, (await Lab.GetJson(resident, "/api/challenges")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("ja", "「タイトル」は120文字以内で入力してください。")]
    [InlineData("en", "Title must be at most 120 characters.")]
    public async Task A_too_long_title_is_refused_with_the_message_next_to_the_title_in_the_page_language(string culture, string message)
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();
        await resident.GetAsync($"/challenges?culture={culture}");

        using var refused = await PageForms.Submit(resident, "/challenges/new", "new-challenge", Fields(title: new string('長', 121)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = PageForms.Parse(await refused.Content.ReadAsStringAsync());
        var title = document.QuerySelector("#challenge-title")!;
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Contains("challenge-title-error", title.GetAttribute("aria-describedby"));
        Assert.Equal(message, document.QuerySelector("#challenge-title-error")!.TextContent);
        Assert.Equal(new string('長', 121), title.GetAttribute("value"));
        Assert.Equal(0, (await Lab.GetJson(resident, "/api/challenges")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_refused_field_shows_its_own_message_at_once()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();

        using var refused = await PageForms.Submit(resident, "/challenges/new", "new-challenge", new Dictionary<string, string?>
        {
            ["Input.Title"] = " ",
            ["Input.Body"] = "",
            ["Input.Category"] = "",
            ["Input.Latitude"] = "38.9",
            ["Input.Longitude"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = PageForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("「タイトル」を入力してください。", document.QuerySelector("#challenge-title-error")!.TextContent);
        Assert.Equal("「本文」を入力してください。", document.QuerySelector("#challenge-body-error")!.TextContent);
        Assert.Equal("「カテゴリー」を入力してください。", document.QuerySelector("#challenge-category-error")!.TextContent);
        Assert.Equal("地図の位置は、緯度と経度を両方入力してください。", document.QuerySelector("#challenge-place-longitude-error")!.TextContent);
        Assert.Equal(4, document.QuerySelectorAll(".error-summary li").Length);
    }

    [Fact]
    public async Task A_point_written_with_full_width_digits_is_kept()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();
        var fields = Fields();
        fields["Input.Latitude"] = "３８．９１４５";
        fields["Input.Longitude"] = "139.8365";

        using var posted = await PageForms.Submit(resident, "/challenges/new", "new-challenge", fields);

        var id = ChallengePagesHost.Redirected(posted).Split('/')[^1];
        var challenge = await Lab.GetJson(resident, $"/api/challenges/{id}");
        Assert.Equal(38.9145, challenge.GetProperty("place").GetProperty("latitude").GetDouble());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_back()
    {
        await using var host = new ChallengePagesHost();

        using var response = await host.Anonymous().GetAsync("/challenges/new");

        Assert.Equal("/login?returnUrl=%2Fchallenges%2Fnew", ChallengePagesHost.Redirected(response));
    }

    [Fact]
    public async Task The_proxy_form_is_forbidden_to_residents()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();

        var (response, document) = await PageForms.Get(resident, "/challenges/new/proxy");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(PageForms.HasForm(document, "proxy-challenge"));
    }

    [Theory]
    [InlineData("ja", "役場の窓口で寄せられた声を、職員が代わりに入力しました。", "ご本人: 70代の住民")]
    [InlineData("en", "A resident raised this at the town office counter, and staff entered it for them.", "Raised by: 70代の住民")]
    public async Task A_facilitator_posts_on_behalf_of_a_resident_and_the_page_says_so_publicly(string culture, string note, string onBehalf)
    {
        await using var host = new ChallengePagesHost();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");
        var fields = Fields("バス停にベンチがほしい");
        fields["Input.Channel"] = "counter";
        fields["Input.OnBehalfOf"] = "70代の住民";

        using var posted = await PageForms.Submit(facilitator, "/challenges/new/proxy", "proxy-challenge", fields);

        var location = ChallengePagesHost.Redirected(posted);
        var anonymous = host.Anonymous();
        var (_, page) = await PageForms.Get(anonymous, $"{location}?culture={culture}");
        var proxy = page.QuerySelector("[data-testid=proxy-note]")!.TextContent;
        Assert.Contains(note, proxy);
        Assert.Contains(onBehalf, proxy);
        Assert.Equal("市役所 三郎", page.QuerySelector("[data-testid=author]")!.TextContent);
        var list = await anonymous.GetStringAsync("/challenges");
        Assert.Contains(culture == "ja" ? "代理入力（窓口）" : "Entered on behalf (counter)", list);
    }

    [Fact]
    public async Task A_proxy_entry_without_a_channel_is_refused_next_to_the_channel_choice()
    {
        await using var host = new ChallengePagesHost();
        var (facilitator, _) = await host.Person("市役所 三郎", "facilitator");

        using var refused = await PageForms.Submit(facilitator, "/challenges/new/proxy", "proxy-challenge", Fields());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = PageForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("「受付の方法」を入力してください。", document.QuerySelector("#challenge-channel-error")!.TextContent);
        Assert.Equal(0, (await Lab.GetJson(facilitator, "/api/challenges")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var host = new ChallengePagesHost();
        var (resident, _) = await host.Person();

        using var forged = await PageForms.Submit(resident, "/challenges/new", "new-challenge",
            new Dictionary<string, string?>(Fields()) { ["__RequestVerificationToken"] = null });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, (await Lab.GetJson(resident, "/api/challenges")).GetProperty("total").GetInt32());
    }
}
