using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LivingLab.Web.Tests.Account;
using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;
using IRequest = Microsoft.Playwright.IRequest;
using Xunit.Abstractions;

namespace LivingLab.Web.Tests.Pages.Challenges;

/// <summary>The challenge pages in a real browser: the journeys, the keyboard, axe-core in both languages, and screenshots.</summary>
public sealed class ChallengeBrowserTests(ChallengeBrowserFixture lab, ITestOutputHelper output) : IClassFixture<ChallengeBrowserFixture>
{
    [Fact]
    public async Task A_residents_first_contribution_registers_posts_with_a_markdown_preview_and_finds_it_by_search()
    {
        var page = await lab.Page("ja");
        var failures = ChallengeBrowserFixture.RecordFailures(page);
        var email = AccountApi.UniqueEmail();

        // A new resident registers and comes straight back to the form.
        await page.GotoAsync("/register?returnUrl=%2Fchallenges%2Fnew");
        await page.GetByLabel("表示名").FillAsync("港 はるか");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(AccountApi.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する" }).ClickAsync();
        await page.WaitForURLAsync("**/challenges/new");

        await page.GetByLabel("タイトル").FillAsync("港の公衆トイレが夜に使えない");
        await page.GetByLabel("カテゴリー").SelectOptionAsync("tourism");
        await page.GetByLabel("本文").FillAsync("夜の**フェリー**を待つ間、トイレが閉まっています。\n\n- 21時に施錠\n- 最終便は22時");
        await page.Locator("#challenge-place").FillAsync("みなと港 フェリー乗り場");
        await page.GetByRole(AriaRole.Button, new() { Name = "プレビュー" }).ClickAsync();

        var preview = page.Locator("#challenge-preview");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("フェリー");
        await Assertions.Expect(preview.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("タイトル")).ToHaveValueAsync("港の公衆トイレが夜に使えない");

        await page.GetByTestId("submit-challenge").ClickAsync();
        await page.WaitForURLAsync(new Regex("/challenges/[0-9a-f]{16}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("港の公衆トイレが夜に使えない");
        await Assertions.Expect(page.Locator(".challenge-body strong")).ToHaveTextAsync("フェリー");
        await Assertions.Expect(page.GetByTestId("author")).ToHaveTextAsync("港 はるか");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "地域の課題" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "港の公衆トイレが夜に使えない" })).ToBeVisibleAsync();

        await page.GetByLabel("キーワード").FillAsync("トイレ");
        await page.GetByLabel("キーワード").PressAsync("Enter");
        await page.WaitForURLAsync("**/challenges?q=*");
        await Assertions.Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1件の課題");
        await Assertions.Expect(page.Locator(".challenge-card-title")).ToHaveTextAsync("港の公衆トイレが夜に使えない");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath("challenges-journey-search-ja.png"), FullPage = true });
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_facilitator_enters_an_issue_on_behalf_of_a_resident_and_everyone_sees_it_was_entered_on_their_behalf()
    {
        var (_, email) = await lab.Person("市役所 三郎", "facilitator");
        var page = await lab.Page("ja", email);
        var failures = ChallengeBrowserFixture.RecordFailures(page);

        await page.GotoAsync("/challenges");
        await page.GetByRole(AriaRole.Link, new() { Name = "代理入力する（職員）" }).ClickAsync();
        await page.WaitForURLAsync("**/challenges/new/proxy");
        await page.GetByLabel("窓口").CheckAsync();
        await page.Locator("#challenge-onbehalf").FillAsync("70代の住民");
        await page.GetByLabel("タイトル").FillAsync("スマホの使い方を気軽に聞ける場所がほしい");
        await page.GetByLabel("カテゴリー").SelectOptionAsync("elderly");
        await page.GetByLabel("本文").FillAsync("窓口で伺いました。「同じことを何度でも聞ける場所がほしい」とのことです。");
        await page.GetByTestId("submit-challenge").ClickAsync();
        await page.WaitForURLAsync(new Regex("/challenges/[0-9a-f]{16}$"));
        var url = page.Url;

        var anonymous = await lab.Page("en");
        await anonymous.GotoAsync(url);
        var note = anonymous.GetByTestId("proxy-note");
        await Assertions.Expect(note).ToContainTextAsync("Entered by staff on behalf of a resident");
        await Assertions.Expect(note).ToContainTextAsync("at the town office counter");
        await Assertions.Expect(note).ToContainTextAsync("Raised by: 70代の住民");
        await Assertions.Expect(anonymous.GetByTestId("author")).ToHaveTextAsync("市役所 三郎");
        await Assertions.Expect(anonymous.Locator(".timeline-what").First).ToHaveTextAsync("Staff entered the issue on behalf of a resident (counter)");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_challenge_can_be_posted_with_the_keyboard_alone_and_focus_is_always_visible()
    {
        var (_, email) = await lab.Person("鍵盤 太郎");
        var page = await lab.Page("ja", email);
        await page.GotoAsync("/challenges/new");

        await TabTo(page, "challenge-title");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.TypeAsync("キーボードだけで投稿した課題");
        await TabTo(page, "challenge-category");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("transport", await page.EvaluateAsync<string>("document.activeElement.value"));
        await TabTo(page, "challenge-body");
        await page.Keyboard.TypeAsync("Tab と Enter だけで投稿できます。");
        await TabTo(page, null, "submit-challenge");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/challenges/[0-9a-f]{16}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("キーボードだけで投稿した課題");
    }

    [Fact]
    public async Task The_challenge_list_on_a_cold_cache_transfers_at_most_150_KB_with_at_most_60_KB_of_script()
    {
        var (author, _) = await lab.Person("港 みなみ");
        for (var i = 0; i < 20; i++)
        {
            await ChallengeBrowserFixture.Challenge(author, new
            {
                title = $"商店街の街灯が暗い（{i + 1}丁目）",
                body = "夜8時を過ぎると**足元が見えません**。高齢の方がつまずいています。\n\n- 街灯の間隔が広い\n- 電球が切れたまま",
                category = "safety",
                place = new { text = $"みなと商店街 {i + 1}丁目" },
            });
        }

        // A fresh browser context: nothing cached, as for a first visit (the list is its first page).
        await using var context = await lab.Session.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = lab.Address.ToString() });
        var page = await context.NewPageAsync();
        var measured = new List<Task<(string Url, string Type, long Transferred, long Decoded)>>();
        page.RequestFinished += (_, request) => measured.Add(Measure(request));

        await page.GotoAsync("/challenges", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator(".challenge-card-title")).ToHaveCountAsync(20);
        var resources = await Task.WhenAll(measured);

        var total = resources.Sum(r => r.Transferred);
        var scripts = resources.Where(r => r.Type == "script").ToList();
        var report = string.Join("\n", resources.Select(r => $"{r.Url} {r.Type} {r.Transferred} B ({r.Decoded} B decoded)"));
        output.WriteLine($"/challenges cold: {total} B transferred in {resources.Length} requests, script {scripts.Sum(r => r.Transferred)} B ({scripts.Sum(r => r.Decoded)} B decoded)\n{report}");
        Assert.True(total <= 150 * 1024, $"{total} B transferred:\n{report}");
        Assert.True(scripts.Sum(r => r.Transferred) <= 60 * 1024, report);
        Assert.True(scripts.Sum(r => r.Decoded) <= 60 * 1024, report);
        // Compression is on: the HTML travels in a fraction of its size.
        var html = resources.Single(r => r.Type == "document");
        Assert.True(html.Transferred < html.Decoded / 2, report);

        static async Task<(string, string, long, long)> Measure(IRequest request)
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var decoded = response is null ? 0 : (await response.BodyAsync()).LongLength;
            return (request.Url, request.ResourceType, sizes.ResponseBodySize + sizes.ResponseHeadersSize, decoded);
        }
    }

    [Fact]
    public async Task Support_works_as_a_plain_form_post_with_javascript_switched_off()
    {
        var (author, _) = await lab.Person("酒田 花子");
        var id = await ChallengeBrowserFixture.Challenge(author, new { title = "図書館の自習席が足りない", body = "夕方は満席です。", category = "children" });
        var (_, email) = await lab.Person("鈴木 結衣");
        var page = await lab.Page("ja", email, javaScript: false);
        await page.GotoAsync($"/challenges/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "応援する" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("support-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "応援する" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByTestId("support-state")).ToHaveTextAsync("あなたはこの課題を応援しています。もう一度押すと取り消せます。");
    }

    [Fact]
    public async Task With_javascript_support_answers_in_place_and_keeps_the_focus_on_the_button()
    {
        var (author, _) = await lab.Person("酒田 花子");
        var id = await ChallengeBrowserFixture.Challenge(author, new { title = "公民館のWi-Fiが遅い", body = "動画の講座が止まります。", category = "digital" });
        var (_, email) = await lab.Person("鈴木 結衣");
        var page = await lab.Page("ja", email);
        var failures = ChallengeBrowserFixture.RecordFailures(page);
        await page.GotoAsync($"/challenges/{id}");
        // A signed-in reader gets the support card as an interactive island; before its circuit is up a press is the form post.
        await Assertions.Expect(page.GetByTestId("support-island")).ToHaveAttributeAsync("data-interactive", "true");
        await page.EvaluateAsync("window.notReloaded = true");

        await page.Locator("#support-button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("support-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#support-button")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.Equal("support-button", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("support-count")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#support-button")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Support_in_one_browser_changes_the_count_in_another_without_a_reload()
    {
        var (author, _) = await lab.Person("港 一郎");
        var id = await ChallengeBrowserFixture.Challenge(author, new { title = "バス停に屋根がほしい", body = "雨の日に待つのがつらい。", category = "transport" });
        var (_, supporterEmail) = await lab.Person("浜 なぎさ");
        var (_, watcherEmail) = await lab.Person("岬 そら");
        var supporter = await lab.Page("ja", supporterEmail);
        var watcher = await lab.Page("en", watcherEmail);
        var failures = ChallengeBrowserFixture.RecordFailures(watcher);
        await supporter.GotoAsync($"/challenges/{id}");
        await watcher.GotoAsync($"/challenges/{id}");
        foreach (var page in new[] { supporter, watcher })
        {
            await Assertions.Expect(page.GetByTestId("support-island")).ToHaveAttributeAsync("data-interactive", "true");
        }

        await watcher.EvaluateAsync("window.notReloaded = true");
        await supporter.Locator("#support-button").ClickAsync();

        await Assertions.Expect(watcher.GetByTestId("support-count")).ToHaveTextAsync("1");
        await supporter.Locator("#support-button").ClickAsync();
        await Assertions.Expect(watcher.GetByTestId("support-count")).ToHaveTextAsync("0");
        Assert.True(await watcher.EvaluateAsync<bool>("window.notReloaded === true"));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ja", "タイトル", "投稿する", "「タイトル」は120文字以内で入力してください。")]
    [InlineData("en", "Title", "Post", "Title must be at most 120 characters.")]
    public async Task A_too_long_title_is_refused_with_the_message_next_to_the_title(string culture, string label, string submit, string message)
    {
        var (_, email) = await lab.Person("長文 次郎");
        var page = await lab.Page(culture, email);
        await page.GotoAsync("/challenges/new");

        await page.GetByLabel(label, new() { Exact = true }).FillAsync(new string('あ', 121));
        await page.Locator("#challenge-category").SelectOptionAsync("other");
        await page.Locator("#challenge-body").FillAsync("本文");
        await page.GetByRole(AriaRole.Button, new() { Name = submit, Exact = true }).ClickAsync();

        var error = page.Locator("#challenge-title-error");
        await Assertions.Expect(error).ToHaveTextAsync(message);
        await Assertions.Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        // The message sits right under its control, where the eye and a screen reader's "described by" both find it.
        var field = page.Locator(".field", new() { Has = page.Locator("#challenge-title") });
        await Assertions.Expect(field.Locator("#challenge-title-error")).ToHaveCountAsync(1);
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"challenge-new-refused-{culture}.png"), FullPage = true });
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Every_challenge_page_passes_axe_in_both_languages_at_desktop_and_phone_width(string culture)
    {
        var ids = await SampleTownAsync();
        var (_, staff) = await lab.Person("今野 まゆみ（DX推進室）", "facilitator");
        var pages = new (string Name, string Path, string? Email)[]
        {
            ("challenges-list", "/challenges", null),
            ("challenge-detail", $"/challenges/{ids.Accepted}", null),
            ("challenge-detail-staff", $"/challenges/{ids.Accepted}", staff),
            ("challenge-detail-proxy", $"/challenges/{ids.Proxy}", null),
            ("challenge-new", "/challenges/new", staff),
            ("challenge-proxy", "/challenges/new/proxy", staff),
        };

        foreach (var width in new[] { 1280, 360 })
        {
            foreach (var (name, path, email) in pages)
            {
                var page = await lab.Page(culture, email, width);
                var failures = ChallengeBrowserFixture.RecordFailures(page);
                await page.GotoAsync(path);

                Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
                Assert.Equal(1, await page.Locator("h1").CountAsync());
                var violations = await HomePageBrowserTests.SeriousAxeViolationsAsync(page);
                Assert.True(violations.Count == 0, $"{name} {culture} {width}: {string.Join(", ", violations)}");
                Assert.Empty(await MudEnglishOnPage.FindAsync(page));
                // Nothing may need sideways scrolling on a phone (tables and long words wrap).
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} {culture} {width} scrolls sideways");
                Assert.Empty(failures);
                var suffix = width == 1280 ? "" : "-360";
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"{name}-{culture}{suffix}.png"), FullPage = true });
                await page.Context.CloseAsync();
            }
        }
    }

    // Presses Tab (at most 80 times) until the element with this id or test id has the focus.
    private static async Task TabTo(IPage page, string? id, string? testId = null)
    {
        for (var i = 0; i < 80; i++)
        {
            var focused = await page.EvaluateAsync<string[]>("[document.activeElement?.id ?? '', document.activeElement?.dataset?.testid ?? '']");
            if ((id is not null && focused[0] == id) || (testId is not null && focused[1] == testId))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached #{id ?? testId}.");
    }

    // A small town: an issue taken up as an idea that moved to research with its reason and evidence, with comments and a
    // reply; one entered by staff at the counter; one declined with a reason.
    private async Task<(string Accepted, string Proxy)> SampleTownAsync()
    {
        var (resident, _) = await lab.Person("佐藤 陽翔");
        var (neighbour, _) = await lab.Person("鈴木 結衣");
        var (facilitator, _) = await lab.Person("今野 まゆみ（DX推進室）", "facilitator");
        var accepted = await ChallengeBrowserFixture.Challenge(resident, new
        {
            title = "駅前の駐輪場が朝7時台に満車になる",
            body = "通勤・通学で毎朝、駅前の市営駐輪場を使っています。**7時半**を過ぎると空きがなく、歩道に自転車があふれています。\n\n- 高校生が増える4月\n- 雨の日",
            category = "transport",
            place = new { text = "みなと駅前 市営駐輪場", latitude = 38.9146, longitude = 139.8366 },
        });
        await ChallengeBrowserFixture.Ok(neighbour.PostAsync($"/api/challenges/{accepted}/support", null));
        var comment = await Lab.Comment(neighbour, $"/api/challenges/{accepted}", "雨の日は倒れた自転車で歩道がふさがって、ベビーカーで通れませんでした。");
        await Lab.Comment(facilitator, $"/api/challenges/{accepted}", "ご意見ありがとうございます。台数の調査を始めます。", comment);
        var idea = await ChallengeBrowserFixture.Ok(facilitator.PostAsJsonAsync($"/api/challenges/{accepted}/accept", new { }));
        await ChallengeBrowserFixture.Ok(facilitator.PostAsJsonAsync($"/api/ideas/{idea.GetProperty("ideaId").GetString()}/advance", new
        {
            toStage = "research",
            rationale = "朝の利用台数が収容台数を3割上回っていることが、10日間の調査でわかりました。",
            evidence = new[] { "https://town.example.jp/dx/parking-survey" },
        }));
        var proxy = await ChallengeBrowserFixture.Challenge(facilitator, new
        {
            title = "スマホの使い方を気軽に聞ける場所がほしい",
            body = "市役所の窓口でのご相談を職員が代理入力しました。",
            category = "elderly",
            place = new { text = "市役所 1階 総合窓口" },
            channel = "counter",
            onBehalfOf = "70代の住民",
        }, "/api/challenges/proxy");
        var declined = await ChallengeBrowserFixture.Challenge(resident, new { title = "花火大会の日の駐車場が足りない", body = "毎年、周りの道が混みます。", category = "tourism" });
        await ChallengeBrowserFixture.Ok(facilitator.PostAsJsonAsync($"/api/challenges/{declined}/decline", new { reason = "会場の駐車場は主催団体が手配しています。主催団体にお伝えしました。" }));
        return (accepted, proxy);
    }
}
