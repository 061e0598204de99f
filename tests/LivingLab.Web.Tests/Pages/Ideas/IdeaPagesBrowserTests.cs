using LivingLab.Web.Tests.Browser;
using Microsoft.Playwright;

namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>
/// The idea-side pages in a real browser, in Japanese and English: every page loads without a failed request, passes
/// axe (no serious or critical violation), fits a 360 px screen, and leaves screenshots in artifacts/screenshots.
/// </summary>
[Collection(IdeaPagesCollection.Name)]
public sealed class IdeaPagesBrowserTests(IdeaPagesTown town)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "ja", "en" })
        {
            foreach (var page in new[] { "home", "ideas-board", "ideas-list", "idea", "pilots", "partners", "dashboard" })
            {
                data.Add(page, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_loads_in_both_languages_with_one_h1_no_failed_request_no_serious_axe_violation_and_fits_a_phone(string name, string culture)
    {
        var page = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(page);

        var response = await page.GotoAsync($"{PathOf(name)}{(PathOf(name).Contains('?') ? '&' : '?')}culture={culture}");

        Assert.Equal(200, response!.Status);
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Empty(failures);
        Assert.Empty(await HomePageBrowserTests.SeriousAxeViolationsAsync(page));
        Assert.Empty(await MudEnglishOnPage.FindAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"idpages-{name}-{culture}.png"), FullPage = true });

        await page.SetViewportSizeAsync(360, 800);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"),
            $"{name} is wider than a 360 px screen: {await page.EvaluateAsync<int>("document.documentElement.scrollWidth")} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSession.ArtifactPath($"idpages-{name}-{culture}-360.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Page_at_200_percent_zoom_still_fits_the_window()
    {
        // 200% zoom of a 1280 px window is a 640 px CSS viewport at device scale 2.
        var context = await town.Session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 640, Height = 900 },
            DeviceScaleFactor = 2,
            BaseURL = town.Address.ToString(),
        });
        var page = await context.NewPageAsync();

        foreach (var name in new[] { "ideas-board", "idea", "dashboard" })
        {
            await page.GotoAsync(PathOf(name));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 640"), $"{name} overflows at 200% zoom");
        }

        await context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Voting_by_form_post_updates_the_count_and_can_be_withdrawn(bool javaScript)
    {
        var page = await town.NewPageAsync(javaScript: javaScript);
        var failures = IdeaPagesTown.RecordFailures(page);
        var path = $"/ideas/{town.DiscoveryIdea}";
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        var count = page.GetByTestId("vote-count");
        var before = int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.GetByTestId("vote-button").ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("voted")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("vote-button")).ToHaveTextAsync("投票を取り消す");

        await page.GetByTestId("vote-button").ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("voted")).ToHaveCountAsync(0);

        // What the server stored, not just what the page shows: a fresh load agrees.
        await page.ReloadAsync();
        await Assertions.Expect(count).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Gate_checklist_of_an_idea_in_research_shows_the_missing_pilot_conditions_with_icon_and_words()
    {
        var page = await town.NewPageAsync();
        await page.GotoAsync($"/ideas/{town.ResearchIdea}?culture=ja");

        var rows = page.GetByTestId("gate-checklist").Locator("li");
        Assert.Equal(["operatorRequired", "kpiRequired"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
        Assert.Equal(["false", "false"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.met)"));
        var texts = await rows.AllInnerTextsAsync();
        Assert.All(texts, t => Assert.Contains("まだです", t));
        Assert.Contains("運営者", texts[0]);
        Assert.Contains("KPI", texts[1]);
        Assert.Equal("2件の条件のうち0件を満たしています。", await page.GetByTestId("gate-summary").InnerTextAsync());
        Assert.Contains("実証", await page.Locator(".gate-next").InnerTextAsync());

        await page.GotoAsync($"/ideas/{town.ResearchIdea}?culture=en");
        var english = await page.GetByTestId("gate-checklist").Locator("li").AllInnerTextsAsync();
        Assert.Contains("Entering the pilot needs an operator", english[0]);
        Assert.Contains("Not yet", english[0]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_vote_panel_follows_the_summary_and_on_a_wide_screen_stands_beside_it()
    {
        var page = await town.NewPageAsync();
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync($"/ideas/{town.PilotIdea}?culture=ja");

        var summary = await page.Locator("#summary-heading").BoundingBoxAsync();
        var vote = await page.Locator("#vote-panel").BoundingBoxAsync();
        var history = await page.Locator("#history").BoundingBoxAsync();
        var comments = await page.Locator("#comments").BoundingBoxAsync();
        Assert.True(summary!.Y < vote!.Y && vote.Y < history!.Y && history.Y < comments!.Y,
            $"at 360 px the order is summary {summary.Y}, vote {vote.Y}, history {history!.Y}, comments {comments!.Y}");

        await page.SetViewportSizeAsync(1280, 900);
        summary = await page.Locator("#summary-heading").BoundingBoxAsync();
        vote = await page.Locator("#vote-panel").BoundingBoxAsync();
        history = await page.Locator("#history").BoundingBoxAsync();
        Assert.True(vote!.X > summary!.X + summary.Width, "at 1280 px the vote panel stands right of the summary");
        Assert.True(vote.Y < history!.Y, "at 1280 px the vote panel starts beside the summary, not below the details");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Vote_and_follow_are_reachable_by_keyboard_with_a_visible_focus_and_work_with_enter()
    {
        var page = await town.NewPageAsync();
        var path = $"/ideas/{town.PilotIdea}";
        await IdeaPagesTown.SignInAsync(page, town.ResidentEmail, path);
        // The panel comes right after the summary, so a few tabs reach it: wait for the islands, or Enter would be the
        // plain form's post (which works, but reloads the page and so cannot keep the focus).
        await Assertions.Expect(page.GetByTestId("vote-island")).ToHaveAttributeAsync("data-interactive", "true");
        await Assertions.Expect(page.GetByTestId("follow-island")).ToHaveAttributeAsync("data-interactive", "true");

        var reached = new List<string>();
        for (var i = 0; i < 80 && !(reached.Contains("vote-button") && reached.Contains("follow-button")); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string>("document.activeElement.id");
            reached.Add(id);
            if (id == "follow-button")
            {
                Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.GetByTestId("follow-button")).ToHaveTextAsync("フォローをやめる");

                // The swapped panel keeps the keyboard where it was; undo so other tests see the town unchanged.
                Assert.Equal("follow-button", await page.EvaluateAsync<string>("document.activeElement.id"));
                await page.Keyboard.PressAsync("Enter");
                await Assertions.Expect(page.GetByTestId("follow-button")).ToHaveTextAsync("フォローする");
            }
        }

        Assert.Contains("vote-button", reached);
        Assert.Contains("follow-button", reached);
        Assert.True(reached.IndexOf("vote-button") < reached.IndexOf("follow-button"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_partner_member_previews_a_markdown_proposal_then_applies_and_sees_it_pending()
    {
        var page = await town.NewPageAsync(javaScript: false);
        var failures = IdeaPagesTown.RecordFailures(page);
        var path = $"/ideas/{town.ResearchIdea}";
        await IdeaPagesTown.SignInAsync(page, town.PartnerMemberEmail, path);

        await page.FillAsync("#apply-proposal", "バス停に**表示板**を置いて実証します。");
        await page.ClickAsync("#apply-preview");
        Assert.Equal("表示板", await page.GetByTestId("proposal-preview").Locator("strong").InnerTextAsync());
        Assert.Equal("バス停に**表示板**を置いて実証します。", await page.InputValueAsync("#apply-proposal"));

        await page.ClickAsync("#apply-submit");
        await Assertions.Expect(page.GetByTestId("own-application")).ToContainTextAsync("職員が確認しています");
        Assert.Equal(0, await page.Locator("#apply-proposal").CountAsync());
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_javascript_an_empty_proposal_is_refused_and_a_preview_shows_in_place_without_leaving_the_page()
    {
        var page = await town.NewPageAsync();
        var failures = IdeaPagesTown.RecordFailures(page);
        await IdeaPagesTown.SignInAsync(page, town.PartnerMemberEmail, $"/ideas/{town.PilotIdea}", "en");
        // The apply form is an island (PartnerApplyIsland): once its circuit is up it answers in place, with no post.
        await Assertions.Expect(page.GetByTestId("apply-island")).ToHaveAttributeAsync("data-interactive", "true");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await page.ClickAsync("#apply-submit");
        var error = page.Locator("#apply-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        Assert.DoesNotMatch("[ぁ-んァ-ン]", await error.InnerTextAsync());
        await Assertions.Expect(page.Locator("#apply-proposal")).ToHaveAttributeAsync("aria-invalid", "true");

        // The preview follows the typing.
        await page.FillAsync("#apply-proposal", "- one\n- two");
        await Assertions.Expect(page.GetByTestId("proposal-preview").Locator("li")).ToHaveCountAsync(2);
        Assert.Equal(0, navigations);
        Assert.Empty(failures);
        await page.Context.CloseAsync();
    }

    private string PathOf(string name) => name switch
    {
        "home" => "/",
        "ideas-board" => "/ideas",
        "ideas-list" => "/ideas?view=list&sort=votes",
        "idea" => $"/ideas/{town.PilotIdea}",
        "pilots" => "/pilots",
        "partners" => "/partners",
        "dashboard" => "/dashboard",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
