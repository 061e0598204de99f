namespace LivingLab.Demo;

/// <summary>The demo town's partner companies (invented), described in Japanese and English.</summary>
internal static class DemoPartners
{
    public static readonly DemoPartner[] All =
    [
        new(
            "tobishima-mobility",
            "とびしまモビリティ株式会社",
            """
            飛島と本土を結ぶ「島の足」をつくる会社です。小型の電動カートと電動アシスト自転車で、定期船に合わせた荷物の配送や、高齢の方の港までの送迎を行っています。島の坂道と冬の強い風でも使える運び方を、島の皆さんと一緒に試しています。

            **English:** Tobishima Mobility runs small electric carts and e-bikes on Tobishima island: deliveries timed to the ferry, and rides to the port for older islanders. We test, together with the islanders, ways of carrying goods that work on the island's steep lanes and in its winter winds.
            """,
            "https://example.jp/tobishima-mobility",
            "info@tobishima-mobility.example.jp / 0234-00-1234",
            430),
        new(
            "shonai-digital",
            "庄内デジタル工房",
            """
            庄内地域の小さなIT工房です。LINE公式アカウントを使った注文・予約の仕組みづくりと、公民館でのスマホ教室の講師を担当しています。「使う人がその場で困らないこと」を一番に、画面は大きく、手順は少なくつくります。

            **English:** Shonai Digital Kobo is a small software workshop in the Shonai region. We build ordering and booking on LINE official accounts and teach the smartphone classes in the community centres. Large screens, few steps: what matters is that nobody gets stuck.
            """,
            "https://example.jp/shonai-digital",
            "hello@shonai-digital.example.jp",
            425),
        new(
            "chokai-software",
            "鳥海ソフトウェア合同会社",
            """
            鳥海山のふもとの合同会社です。AIスピーカーを使った高齢者の見守り、会議のオンライン配信と自動字幕、アーカイブ検索を手がけています。磐梯町などの「デジタルファースト」の自治体の取り組みから学び、小さな町でも運用できる規模にまとめることを大切にしています。

            **English:** Chokai Software LLC, at the foot of Mt. Chokai, works on AI-speaker check-ins for older people living alone, online streaming of meetings with automatic captions, and searchable archives. We learn from "digital first" towns such as Bandai and keep every service small enough for a small town to run.
            """,
            "https://example.jp/chokai-software",
            "contact@chokai-software.example.jp",
            420),
    ];
}
