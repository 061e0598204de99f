using LivingLab.Pipeline;
using LivingLab.Web.Features.Workshops.After;
using LivingLab.Workshops;
using LivingLab.Workshops.Board;

namespace LivingLab.Web.Tests.Workshops.After;

/// <summary>The generated minutes: the workshop's facts, the board's columns and clusters, closed rounds' top notes, escaped words.</summary>
public sealed class MinutesDraftTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);

    private static readonly MinutesDraftText Text = new(
        "{0} 議事録", "日時", "日程調整中", "場所", "オンライン参加あり", "参加登録: {0}人（定員{1}人）", "付箋: {0}枚", "ボード", "（ボードなし）", "グループなし",
        "（付箋なし）", "投票の結果", "第{0}回（1人{1}票）", "{0}票", "グループ「{0}」: {1}票", "（票なし）", "決まったこと", "次のステップ");

    [Fact]
    public void The_draft_has_the_facts_the_columns_with_clusters_the_top_notes_and_empty_sections_to_fill()
    {
        var board = Board(
            [Note("n1", "c1", "k1", "バスが少ない"), Note("n2", "c1", null, "店が遠い"), Note("n3", "c2", null, "移動販売"), Note("n4", "c2", null, "見せない付箋", hidden: true)],
            [new RoundResult(1, 3, true, Start, Start.AddMinutes(10), [new NoteTotal("n3", 5), new NoteTotal("n4", 4), new NoteTotal("n1", 2)], [new ClusterTotal("k1", 2)])]);

        var draft = MinutesDraft.Build(Workshop(), board, Text, MinutesDraftTexts.Date);

        Assert.StartsWith("# 飛島の買い物 議事録\n", draft.ReplaceLineEndings("\n"));
        Assert.Contains("- 日時: 2026\\-12\\-04 10\\:00–12\\:00 \\(JST\\)", draft);
        Assert.Contains("- 場所: 飛島総合センター", draft);
        Assert.Contains("- 参加登録: 7人（定員20人）", draft);
        Assert.Contains("- 付箋: 3枚", draft);
        Assert.Contains("### 困りごと", draft);
        Assert.Contains("#### 交通", draft);
        Assert.Contains("#### グループなし", draft);
        Assert.Contains("### アイデア", draft);
        Assert.Contains("### 第1回（1人3票）", draft);
        Assert.Contains("1. 移動販売 — 5票", draft);
        Assert.Contains("2. バスが少ない — 2票", draft);
        Assert.Contains("- グループ「交通」: 2票", draft);
        Assert.Contains("## 決まったこと", draft);
        Assert.Contains("## 次のステップ", draft);
        Assert.DoesNotContain("見せない付箋", draft);
        Assert.True(draft.IndexOf("バスが少ない", StringComparison.Ordinal) < draft.IndexOf("#### グループなし", StringComparison.Ordinal));
    }

    [Fact]
    public void A_note_cannot_put_a_link_html_or_a_heading_into_the_minutes()
    {
        var board = Board([Note("n1", "c1", null, "<script>alert(1)</script> [x](javascript:alert(1))\n# 見出し")], []);

        var draft = MinutesDraft.Build(Workshop(), board, Text, MinutesDraftTexts.Date);

        Assert.Contains("- \\<script\\>alert\\(1\\)\\<\\/script\\> \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\# 見出し", draft);
        Assert.DoesNotContain("<script>", draft);
        Assert.DoesNotContain("[x](", draft);
    }

    [Fact]
    public void Without_a_board_the_draft_says_so_and_keeps_the_sections()
    {
        var draft = MinutesDraft.Build(Workshop() with { StartsAt = null, EndsAt = null }, null, Text, MinutesDraftTexts.Date);

        Assert.Contains("- 日時: 日程調整中", draft);
        Assert.Contains("（ボードなし）", draft);
        Assert.DoesNotContain("付箋:", draft);
        Assert.Contains("## 次のステップ", draft);
    }

    [Fact]
    public void Escape_leaves_letters_and_japanese_alone_and_escapes_every_markdown_special()
    {
        Assert.Equal("島の買い物 abc 123", MinutesDraft.Escape("島の買い物 abc 123"));
        Assert.Equal("\\*\\_\\`\\~\\|\\!\\[\\]\\&\\\\", MinutesDraft.Escape("*_`~|![]&\\"));
    }

    private static WorkshopDetails Workshop() => new(
        "w1", "飛島の買い物", "", Stage.Discovery, [], [], "飛島総合センター", "", 20, true, Start, Start.AddHours(2), WorkshopStatus.Planned, null,
        "p1", Start.AddDays(-10), 7, 0, null);

    private static NoteView Note(string id, string column, string? cluster, string text, bool hidden = false) =>
        new(id, column, cluster, text, false, NoteAuthorKind.Registered, "p2", null, false, Start, hidden, hidden ? "off-topic" : null);

    private static BoardView Board(IReadOnlyList<NoteView> notes, IReadOnlyList<RoundResult> rounds) => new(
        "w1", 5, BoardSessionState.Closed, 1, BoardViewerKind.Staff, [new BoardColumn("c1", "困りごと"), new BoardColumn("c2", "アイデア")],
        [new BoardCluster("k1", "c1", "交通")], notes, null, rounds, null, null, null);
}
