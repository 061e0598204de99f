using LivingLab.People;

namespace LivingLab.Demo;

/// <summary>The demo town's people: one account per role to sign in with, staff, partner members and residents.</summary>
internal static class DemoPeople
{
    /// <summary>The domain of every demo account, so they are easy to recognise (and to remove) in any store.</summary>
    public const string Domain = "demo.livinglab.jp";

    /// <summary>The four accounts whose passwords are printed once, at seeding.</summary>
    public static readonly DemoPerson[] RoleAccounts =
    [
        new("admin", $"admin@{Domain}", "管理者（デモ）", Roles.Admin, 450),
        new("facilitator", $"facilitator@{Domain}", "今野 まゆみ（DX推進室）", Roles.Facilitator, 449),
        new("partner", $"partner@{Domain}", "渋谷 拓海（とびしまモビリティ）", Roles.Partner, 449, PartnerKey: "tobishima-mobility"),
        new("resident", $"resident@{Domain}", "酒井 ひなた", Roles.Resident, 448),
    ];

    /// <summary>Other accounts with a role: a second staff member and the members of the two other partners.</summary>
    public static readonly DemoPerson[] Staff =
    [
        new("staff2", $"togashi.ken@{Domain}", "富樫 健（DX推進室）", Roles.Facilitator, 447),
        new("shonai", $"domon.aya@{Domain}", "土門 彩（庄内デジタル工房）", Roles.Partner, 447, PartnerKey: "shonai-digital"),
        new("chokai", $"sato.ryo@{Domain}", "佐藤 亮（鳥海ソフトウェア）", Roles.Partner, 447, PartnerKey: "chokai-software"),
    ];

    /// <summary>Residents who post, support, vote and comment. Keys are the local part of their emails.</summary>
    public static readonly DemoPerson[] Residents =
    [
        Resident("haruto.sato", "佐藤 陽翔", 446),
        Resident("yui.suzuki", "鈴木 結衣", 445.5),
        Resident("ren.takahashi", "高橋 蓮", 445),
        Resident("misaki.tanaka", "田中 美咲", 444.5),
        Resident("daisuke.ito", "伊藤 大輔", 444),
        Resident("keiko.watanabe", "渡辺 恵子", 443.5),
        Resident("kenichi.yamamoto", "山本 健一", 443),
        Resident("sakura.nakamura", "中村 さくら", 442.5),
        Resident("shota.kobayashi", "小林 翔太", 442),
        Resident("yumi.kato", "加藤 由美", 441.5),
        Resident("hiroshi.yoshida", "吉田 浩", 441),
        Resident("chihiro.yamada", "山田 千尋", 440.5),
        Resident("yuma.sasaki", "佐々木 悠真", 440),
        Resident("kazuko.yamaguchi", "山口 和子", 439.5),
        Resident("takuya.matsumoto", "松本 拓也", 439),
        Resident("mariko.inoue", "井上 真理子", 438.5),
        Resident("yuto.kimura", "木村 優斗", 438),
        Resident("akemi.hayashi", "林 明美", 437.5),
        Resident("makoto.saito", "斎藤 誠", 437),
        Resident("ayaka.shimizu", "清水 彩花", 436.5),
        Resident("masaru.honma", "本間 勝（飛島）", 436),
        Resident("noriko.abe", "阿部 典子", 435.5),
        Resident("hayate.ikeda", "池田 颯", 435),
        Resident("masaki.sugawara", "菅原 正樹", 434.5),
        Resident("aoi.igarashi", "五十嵐 葵", 434),
        Resident("mitsuko.endo", "遠藤 光子", 433.5),
        Resident("riku.ishikawa", "石川 陸", 433),
        Resident("miho.goto", "後藤 美穂", 432.5),
        Resident("osamu.hasegawa", "長谷川 修", 432),
        Resident("kaede.murakami", "村上 楓", 431.5),
        Resident("emily.carter", "Emily Carter", 431),
    ];

    /// <summary>Every demo account, in the order they join.</summary>
    public static IEnumerable<DemoPerson> All => [.. RoleAccounts, .. Staff, .. Residents];

    private static DemoPerson Resident(string key, string name, double joined) => new(key, $"{key}@{Domain}", name, Roles.Resident, joined);
}

/// <summary>The demo accounts to sign in with (one per role), as the README lists them.</summary>
public static class DemoAccounts
{
    /// <summary>One account per role: its email, role and what it can do.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new($"admin@{DemoPeople.Domain}", Roles.Admin, "everything a facilitator can, plus roles and partner companies"),
        new($"facilitator@{DemoPeople.Domain}", Roles.Facilitator, "proxy entry, accept / merge / decline challenges, move ideas through the stage gates, KPIs, partner applications"),
        new($"partner@{DemoPeople.Domain}", Roles.Partner, "member of とびしまモビリティ株式会社: apply to ideas, record KPI measurements of its pilot"),
        new($"resident@{DemoPeople.Domain}", Roles.Resident, "post challenges, support, vote, comment, propose ideas"),
    ];
}

/// <summary>A demo account to sign in with.</summary>
public sealed record DemoAccount(string Email, string Role, string CanDo);

/// <summary>A demo account created by this run, with its password: shown once, never stored.</summary>
public sealed record DemoCredential(string Email, string Role, string DisplayName, string Password)
{
    // Keeps the password out of any log that formats this object; the seeder prints it once, on purpose.
    public override string ToString() => $"DemoCredential {{ Email = {Email}, Role = {Role} }}";
}
