using System.Net;
using System.Net.Http.Json;
using LivingLab.Web.Tests.Pages.Challenges;

namespace LivingLab.Web.Tests.Workshops;

/// <summary>
/// The public workshop pages over HTTP, as a browser without JavaScript sees them: the list with its filters and paging
/// in the address, one workshop, registering with a waiting list, and the date poll's plain forms.
/// </summary>
public sealed class WorkshopPagesTests
{
    [Fact]
    public async Task The_list_pages_and_filters_by_stage_and_status_through_the_address_and_says_why_it_is_empty()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        for (var i = 0; i < 21; i++)
        {
            await town.Workshop($"課題発見ワークショップ {i + 1:00}", days: 10 + i);
        }

        var research = await town.Workshop("調査の進め方を話す会", stage: "research", days: 40);
        await town.Cancel(research, "台風のため中止します。");
        await town.CatchUpAsync();
        var anonymous = town.Host.Anonymous();

        var (_, first) = await PageForms.Get(anonymous, "/workshops");
        Assert.Equal(20, first.QuerySelectorAll("[data-testid=workshop-card]").Length);
        Assert.Equal("22件", first.QuerySelector("[data-testid=result-count]")!.TextContent.Trim());
        Assert.Contains("課題発見ワークショップ 01", first.QuerySelector("[data-testid=workshop-card]")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("workshops?page=2", next);
        Assert.Null(first.QuerySelector("[data-testid=new-workshop]"));
        var (_, staffList) = await PageForms.Get(town.Facilitator, "/workshops");
        Assert.Equal("workshops/new", staffList.QuerySelector("[data-testid=new-workshop]")!.GetAttribute("href"));
        var (_, second) = await PageForms.Get(anonymous, "/" + next);
        Assert.Equal(2, second.QuerySelectorAll("[data-testid=workshop-card]").Length);
        Assert.Equal("workshops", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));

        var (_, byStage) = await PageForms.Get(anonymous, "/workshops?stage=research");
        var only = Assert.Single(byStage.QuerySelectorAll("[data-testid=workshop-card]"));
        Assert.Contains("調査の進め方を話す会", only.TextContent);
        Assert.Equal("中止", only.QuerySelector("[data-testid=cancelled-tag]")!.TextContent.Trim());
        Assert.Equal("research", byStage.QuerySelector("#filter-stage option[selected]")!.GetAttribute("value"));

        var (_, planned) = await PageForms.Get(anonymous, "/workshops?status=planned&stage=research");
        Assert.Empty(planned.QuerySelectorAll("[data-testid=workshop-card]"));
        Assert.Contains("この条件に合うワークショップはありません", planned.QuerySelector("[data-testid=workshops-empty]")!.TextContent);

        var (_, past) = await PageForms.Get(anonymous, "/workshops?when=past");
        Assert.Contains("終了したワークショップはまだありません", past.QuerySelector("[data-testid=workshops-empty]")!.TextContent);
        Assert.Equal("page", past.QuerySelector("[data-testid=when-past]")!.GetAttribute("aria-current"));
        Assert.Equal("past", past.QuerySelector("[data-testid=workshop-filters] input[name=when]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_ended_workshop_moves_to_the_past_list_and_the_home_page_shows_the_next_ones()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var anonymous = town.Host.Anonymous();
        var (_, empty) = await PageForms.Get(anonymous, "/");
        Assert.NotNull(empty.QuerySelector("[data-testid=no-workshops]"));

        var soon = await town.Workshop("明日のワークショップ", days: 1);
        for (var i = 0; i < 3; i++)
        {
            await town.Workshop($"来月のワークショップ {i + 1}", days: 30 + i);
        }

        await town.CatchUpAsync();
        var (_, home) = await PageForms.Get(anonymous, "/");
        Assert.Null(home.QuerySelector("[data-testid=no-workshops]"));
        var cards = home.QuerySelectorAll("[data-testid=home-workshops] [data-testid=workshop-card]");
        Assert.Equal(3, cards.Length);
        Assert.Contains("明日のワークショップ", cards[0].TextContent);
        Assert.Equal("workshops", home.QuerySelector("[data-testid=all-workshops]")!.GetAttribute("href"));

        town.Host.Clock.Advance(TimeSpan.FromDays(2));
        var (_, past) = await PageForms.Get(anonymous, "/workshops?when=past");
        var only = Assert.Single(past.QuerySelectorAll("[data-testid=workshop-card]"));
        Assert.Contains(soon, only.QuerySelector("a")!.GetAttribute("href"));
        var (_, page) = await PageForms.Get(anonymous, $"/workshops/{soon}");
        Assert.Contains("終了したため", page.QuerySelector("[data-testid=registration-closed]")!.TextContent);
    }

    [Fact]
    public async Task The_workshop_page_shows_status_counts_and_markdown_as_text_and_an_unknown_id_is_not_found()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var challenge = await ChallengePagesHost.Challenge(town.Facilitator, "島に商店がない");
        using var ideaResponse = await town.Facilitator.PostAsJsonAsync("/api/ideas", new { title = "移動販売車を走らせる", summary = "週に二回、島を回ります。", category = "transport" });
        Assert.Equal(HttpStatusCode.Created, ideaResponse.StatusCode);
        var idea = (await LivingLab.Web.Tests.Account.AccountApi.Json(ideaResponse)).GetProperty("id").GetString()!;
        var id = await town.Workshop(description: "島の**買い物**について。<script>alert('x')</script>", onlineUrl: "https://meet.example.jp/tobishima", capacity: 5,
            challengeIds: [challenge], ideaIds: [idea]);
        var anonymous = town.Host.Anonymous();

        using var response = await anonymous.GetAsync($"/workshops/{id}");
        var html = await response.Content.ReadAsStringAsync();
        var page = PageForms.Parse(html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("飛島の買い物を考えるワークショップ", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("開催予定", page.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal("買い物", page.QuerySelector("[data-testid=workshop-description] strong")!.TextContent);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("<script>alert('x')</script>", page.QuerySelector("[data-testid=workshop-description]")!.TextContent);
        Assert.Equal("https://meet.example.jp/tobishima", page.QuerySelector("[data-testid=workshop-online] a")!.GetAttribute("href"));
        Assert.Equal("参加0人 / 定員5人", page.QuerySelector("[data-testid=registered-count]")!.TextContent.Trim());
        Assert.Equal($"login?returnUrl=%2Fworkshops%2F{id}", page.QuerySelector("[data-testid=sign-in-to-register]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=staff-links]"));
        var linkedChallenge = Assert.Single(page.QuerySelectorAll("[data-testid=linked-challenges] a"));
        Assert.Equal(("島に商店がない", $"challenges/{challenge}"), (linkedChallenge.TextContent, linkedChallenge.GetAttribute("href")));
        var linkedIdea = Assert.Single(page.QuerySelectorAll("[data-testid=linked-ideas] a"));
        Assert.Equal(("移動販売車を走らせる", $"ideas/{idea}"), (linkedIdea.TextContent, linkedIdea.GetAttribute("href")));

        await town.Cancel(id, "台風が近づいているため中止します。");
        await town.CatchUpAsync(); // anonymous pages are cached until the read models take in the next event
        var (_, cancelled) = await PageForms.Get(anonymous, $"/workshops/{id}");
        Assert.Equal("中止", cancelled.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Equal("台風が近づいているため中止します。", cancelled.QuerySelector("[data-testid=cancelled-reason]")!.TextContent.Trim());
        Assert.Contains("中止のため", cancelled.QuerySelector("[data-testid=registration-closed]")!.TextContent);

        var (staffResponse, staff) = await PageForms.Get(town.Facilitator, $"/workshops/{id}");
        Assert.Equal(HttpStatusCode.OK, staffResponse.StatusCode);
        var links = staff.QuerySelectorAll("[data-testid=staff-links] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"workshops/{id}/edit", links);
        Assert.Contains($"workshops/{id}/registrations", links);

        using var unknown = await anonymous.GetAsync("/workshops/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Registering_fills_the_seat_the_next_person_waits_and_a_withdrawal_gives_them_the_seat()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop(capacity: 1);
        var (hanako, _) = await town.Host.Person("酒田 花子");
        var (taro, _) = await town.Host.Person("飛島 太郎");
        var url = $"/workshops/{id}";

        using var first = await PageForms.Submit(hanako, url, "registration");
        Assert.Equal($"/workshops/{id}#registration", ChallengePagesHost.Redirected(first));
        var (_, hers) = await PageForms.Get(hanako, url);
        Assert.Contains("登録済み", hers.QuerySelector("[data-testid=my-registration]")!.TextContent);
        Assert.Equal("申込を取り消す", hers.QuerySelector("[data-testid=registration-button]")!.TextContent.Trim());

        var (_, full) = await PageForms.Get(taro, url);
        Assert.Equal("キャンセル待ちに登録する", full.QuerySelector("[data-testid=registration-button]")!.TextContent.Trim());
        using var second = await PageForms.Submit(taro, full, url, "registration");
        ChallengePagesHost.Redirected(second);
        var (_, waiting) = await PageForms.Get(taro, url);
        Assert.Equal("キャンセル待ち 1番目", waiting.QuerySelector("[data-testid=my-registration]")!.TextContent.Trim());
        Assert.Equal("キャンセル待ち1人", waiting.QuerySelector("[data-testid=waiting-count]")!.TextContent.Trim());

        using var withdrawn = await PageForms.Submit(hanako, url, "registration");
        ChallengePagesHost.Redirected(withdrawn);
        var (_, promoted) = await PageForms.Get(taro, url);
        Assert.Contains("登録済み", promoted.QuerySelector("[data-testid=my-registration]")!.TextContent);
        Assert.Null(promoted.QuerySelector("[data-testid=waiting-count]"));
        var (_, after) = await PageForms.Get(hanako, url);
        Assert.Null(after.QuerySelector("[data-testid=my-registration]"));

        // A withdrawal posted twice (a second tab) is refused beside the button, in the page's language.
        using var again = await PageForms.Submit(hanako, hers, url, "registration");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var refused = PageForms.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("このワークショップには申し込んでいません。", refused.QuerySelector("#registration-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_date_poll_is_answered_through_the_plain_form_staff_see_who_and_fixing_a_slot_sets_the_date()
    {
        await using var town = await WorkshopPagesHost.StartAsync();
        var id = await town.Workshop(openDate: true);
        var slots = await town.Poll(id);
        var (hanako, _) = await town.Host.Person("酒田 花子");
        var url = $"/workshops/{id}";

        var (_, before) = await PageForms.Get(hanako, url);
        Assert.Equal(2, before.QuerySelectorAll("[data-testid=poll-answer-form] fieldset").Length);
        var legendless = before.QuerySelectorAll("[data-testid=poll-answer-form] input[type=radio]")
            .Where(r => before.QuerySelector($"label[for='{r.Id}']") is null);
        Assert.Empty(legendless);
        Assert.Contains("○ 参加できる", before.QuerySelector("[data-testid=poll-answer-form] label")!.TextContent);

        using var answered = await PageForms.Submit(hanako, before, url, "poll-answer", new Dictionary<string, string?>
        {
            [$"Mark.{slots[0]}"] = "yes",
            [$"Mark.{slots[1]}"] = "maybe",
            ["PollComment"] = "午前なら行けます",
        });
        Assert.Equal($"/workshops/{id}?done=answered#poll", ChallengePagesHost.Redirected(answered));
        var (_, mine) = await PageForms.Get(hanako, url);
        Assert.NotNull(mine.QuerySelector("[data-testid=poll-mine]"));
        Assert.Equal("yes", mine.QuerySelector($"input[name='Mark.{slots[0]}'][checked]")!.GetAttribute("value"));
        Assert.Equal("午前なら行けます", mine.QuerySelector("#poll-comment")!.GetAttribute("value"));

        // Answering again replaces the answer: one answer, the new marks.
        using var changed = await PageForms.Submit(hanako, mine, url, "poll-answer", new Dictionary<string, string?> { [$"Mark.{slots[1]}"] = "no" });
        ChallengePagesHost.Redirected(changed);

        var (_, publicView) = await PageForms.Get(town.Host.Anonymous(), url);
        var rows = publicView.QuerySelectorAll("[data-testid=poll-row]");
        Assert.Equal("1", rows[0].QuerySelector("[data-testid=poll-yes]")!.TextContent);
        Assert.Equal("0", rows[1].QuerySelector("[data-testid=poll-maybe]")!.TextContent);
        Assert.Equal("1", rows[1].QuerySelector("[data-testid=poll-no]")!.TextContent);
        Assert.NotNull(rows[0].QuerySelector("[data-testid=poll-best]"));
        Assert.Contains("回答 1件", publicView.QuerySelector("[data-testid=poll-answer-count]")!.TextContent);
        Assert.Empty(publicView.QuerySelectorAll("[data-testid=poll-person]"));
        Assert.DoesNotContain("酒田 花子", publicView.DocumentElement.OuterHtml);
        Assert.DoesNotContain("午前なら行けます", publicView.DocumentElement.OuterHtml);
        Assert.NotNull(publicView.QuerySelector("[data-testid=sign-in-to-answer]"));
        Assert.False(PageForms.HasForm(publicView, $"poll-fix-{slots[0]}"));

        var (_, staffView) = await PageForms.Get(town.Facilitator, url);
        Assert.Equal("酒田 花子", Assert.Single(staffView.QuerySelectorAll("[data-testid=poll-person]")).TextContent.Trim());
        Assert.Contains("午前なら行けます", staffView.QuerySelector("[data-testid=poll-comments]")!.TextContent);

        using var fixedPost = await PageForms.Submit(town.Facilitator, staffView, url, $"poll-fix-{slots[0]}");
        Assert.Equal($"/workshops/{id}?done=fixed#poll", ChallengePagesHost.Redirected(fixedPost));
        var (_, fixedView) = await PageForms.Get(hanako, url);
        Assert.NotNull(fixedView.QuerySelector("[data-testid=poll-fixed]"));
        Assert.Null(fixedView.QuerySelector("[data-testid=poll-answer-form]"));
        Assert.NotNull(fixedView.QuerySelector("[data-testid=workshop-date] time"));

        // An answer that arrives after the date was fixed is refused beside the form, not lost in an error page.
        using var late = await PageForms.Submit(hanako, mine, url, "poll-answer");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("日程はすでに決まっています。", PageForms.Parse(await late.Content.ReadAsStringAsync()).QuerySelector("#poll-answer-error")!.TextContent.Trim());
    }
}
