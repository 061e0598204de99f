using LivingLab.Pipeline;
using LivingLab.Workshops;

namespace LivingLab.Demo;

/// <summary>
/// A demo workshop. Times are days before the anchor like everything else, except the date itself: <see cref="DayFromAnchor"/>
/// is whole days after the anchor's date (negative: before), at <see cref="StartHour"/> Japan time, so an upcoming workshop
/// stays upcoming however late the town is seeded. Null: the date is found with <see cref="Poll"/>.
/// </summary>
internal sealed record DemoWorkshop(
    string Key,
    string Title,
    string Description,
    Stage Stage,
    string Place,
    string OnlineUrl,
    int Capacity,
    bool GuestsAllowed,
    double Created,
    int? DayFromAnchor,
    double StartHour,
    double Hours,
    string[] Registrants,
    double RegisterFrom,
    double RegisterUntil,
    string[] ChallengeKeys,
    string[] IdeaKeys,
    DemoPoll? Poll = null,
    DemoRecord? Record = null);

/// <summary>A date poll: candidate days after the anchor (each at the workshop's hour) and who answered what.</summary>
internal sealed record DemoPoll(double OpenedAt, int[] SlotDays, DemoPollAnswer[] Answers);

/// <summary>One answer to a demo poll: a mark per slot, in slot order.</summary>
internal sealed record DemoPollAnswer(string Person, double At, PollMark[] Marks, string Comment = "");

/// <summary>What the facilitator kept afterwards, and what participants said of it.</summary>
internal sealed record DemoRecord(double At, string Minutes, string RecordingUrl, (string Person, int Rating, string Comment)[] Feedback);

/// <summary>The demo town's workshops: one held, one coming with a waiting list, one still finding its date.</summary>
internal static class DemoWorkshops
{
    private const PollMark Y = PollMark.Yes;
    private const PollMark M = PollMark.Maybe;
    private const PollMark N = PollMark.No;

    public static readonly DemoWorkshop[] All =
    [
        new("tobishima-shopping",
            "飛島の買い物、どう届ける？（課題発見ワークショップ）",
            "島で暮らす人と、買い物の困りごとを出し合いました。\n\n- 定期船が欠航すると何が困るか\n- 電話注文のどこが大変か\n- **島の外の家族**にできること",
            Stage.Discovery, "飛島総合センター 2階 会議室", "", 20, GuestsAllowed: true, Created: 34, DayFromAnchor: -12, StartHour: 13.5, Hours: 2.5,
            ["haruto.sato", "yui.suzuki", "ren.takahashi", "misaki.tanaka", "daisuke.ito", "keiko.watanabe", "kenichi.yamamoto", "sakura.nakamura",
             "kazuko.yamaguchi", "mariko.inoue", "akemi.hayashi", "resident"],
            RegisterFrom: 32, RegisterUntil: 13,
            ["island-shopping-phone", "island-shop", "island-delivery"], ["island-line-order"],
            Record: new(11.4,
                "# 飛島の買い物、どう届ける？ 議事録\n\n参加 12 人（うち島外から 2 人）。\n\n## 出た困りごと\n- 欠航が続くと生鮮品が3日届かない\n- 電話注文は営業時間内しかできない\n\n"
                + "## 決まったこと\n- LINE注文の試行を次の調査ステージで検討する\n\n## 次のステップ\n- 島外の家族向けの代理注文を調べる",
                "https://video.example.jp/minato/tobishima-shopping",
                [("haruto.sato", 5, "島の人の声を直接聞けてよかった。"), ("yui.suzuki", 4, ""), ("misaki.tanaka", 4, "時間がもう少し長いとよかった。"),
                 ("kazuko.yamaguchi", 5, "紙に書いたことも拾ってもらえた。"), ("resident", 3, "")])),
        new("snow-help-research",
            "雪下ろしの助け合い、何が足りない？（調査ワークショップ）",
            "雪下ろしを頼みたい人と手伝える人が、どうつながれるかを一緒に調べます。オンラインでも参加できます。",
            Stage.Research, "中央公民館 大会議室", "https://meet.example.jp/minato-snow", 12, GuestsAllowed: false, Created: 6, DayFromAnchor: 9, StartHour: 18.5, Hours: 2,
            ["keiko.watanabe", "kenichi.yamamoto", "shota.kobayashi", "yumi.kato", "hiroshi.yoshida", "chihiro.yamada", "yuma.sasaki", "takuya.matsumoto",
             "yuto.kimura", "makoto.saito", "ayaka.shimizu", "haruto.sato", "ren.takahashi"],
            RegisterFrom: 5.5, RegisterUntil: 1.2,
            ["snow-roof-alone"], ["snow-help"]),
        new("bus-winter-poll",
            "冬のバス停をどう良くする？",
            "吹きさらしのバス停で待つ時間を、どう短く・暖かくできるか話し合います。日程は調整中です。都合を教えてください。",
            Stage.Discovery, "みなと市役所 3階 会議室", "", 30, GuestsAllowed: true, Created: 4, DayFromAnchor: null, StartHour: 10, Hours: 2,
            [], RegisterFrom: 0, RegisterUntil: 0,
            ["bus-stop-winter"], ["bus-location"],
            Poll: new(3.8, [14, 15, 21],
            [
                new("haruto.sato", 3.5, [Y, M, N], "午前なら"),
                new("sakura.nakamura", 3.2, [Y, Y, Y]),
                new("shota.kobayashi", 2.9, [N, Y, M], "土曜は仕事です"),
                new("yumi.kato", 2.4, [Y, N, Y]),
                new("akemi.hayashi", 2.1, [M, Y, Y]),
                new("resident", 1.6, [Y, Y, N], "子どもを連れて行ってもよいですか"),
            ])),
    ];
}
