using LivingLab.Challenges;

namespace LivingLab.Demo;

/// <summary>
/// The demo town's local issues: a port town with an island (modelled on Sakata and Tobishima), covering every category.
/// Some were entered by staff for residents without a device, three were merged as duplicates, three declined with a
/// reason, and about half became or joined ideas (see <see cref="DemoIdeas"/>).
/// </summary>
internal static class DemoChallenges
{
    private const double StationLat = 38.9146, StationLon = 139.8366;
    private const double PortLat = 39.1920, PortLon = 139.5510;

    public static readonly DemoChallenge[] All =
    [
        // Transport
        new("bike-parking", "transport",
            "駅前の駐輪場が朝7時台に満車になる",
            """
            通勤・通学で毎朝、駅前の市営駐輪場を使っています。7時半を過ぎると空きがなく、歩道や店の前に自転車を置く人が増えています。高校生が増える4月と、雨の日は特にひどいです。

            どこが空いているのか、家を出る前にわかるだけでも助かります。
            """,
            "みなと駅前 市営駐輪場", StationLat, StationLon, "haruto.sato", 380, 18,
            new Accepted(342, "bike-parking-map"),
            Comments:
            [
                new("yui.suzuki", 376, "雨の日は倒れた自転車で歩道がふさがって、ベビーカーで通れませんでした。",
                    new DemoReply("facilitator", 375.6, "ありがとうございます。4月に朝の時間帯の台数を数えてみます。写真があればコメントで教えてください。")),
                new("yuma.sasaki", 370, "高校の駐輪場も足りないので、駅に置いている生徒が多いです。"),
            ]),
        new("bike-parking-sidewalk", "transport",
            "駅前の歩道に自転車があふれて歩きにくい",
            "駅前の歩道に自転車がずらっと並んでいて、杖をついて歩くと通れないところがあります。点字ブロックの上に置かれていることもあります。",
            "みなと駅前 ロータリー付近", StationLat, StationLon, "akemi.hayashi", 300, 7,
            new MergedInto(290, "bike-parking"),
            Comments: [new("facilitator", 290.2, "「駅前の駐輪場が朝7時台に満車になる」と同じ課題として、応援とコメントをまとめます。")]),
        new("bus-location", "transport",
            "市内循環バスがいつ来るのかわからない",
            """
            冬はバス停で20分以上待つこともあります。屋根のないバス停も多く、高齢の母には厳しいです。雪で遅れるのは仕方ないので、いまどこを走っているのかがわかれば、家の中で待てるのにと思います。
            """,
            "市役所前バス停", 38.9141, 139.8362, "kenichi.yamamoto", 330, 22,
            new Accepted(300, "bus-location"),
            Comments:
            [
                new("kazuko.yamaguchi", 325, "病院の帰りに、雪の中で30分待ったことがあります。",
                    new DemoReply("kenichi.yamamoto", 324.7, "同じです。せめて遅れていることがわかれば…")),
            ]),
        new("bus-stop-winter", "transport",
            "雪の日にバスを外で長く待たなければならない",
            "窓口でのご相談を職員が代理入力しました。「雪の日はバスが遅れるが、いつ来るかわからないので、外で待つしかない。足が悪いので立って待つのがつらい」とのことです。",
            "市内循環バス 本町バス停", 38.9165, 139.8390, "staff2", 310, 6,
            new MergedInto(301, "bus-location", By: "staff2"),
            new ProxyEntryInput(ProxyChannel.Counter, "70代の住民")),
        new("island-delivery", "transport",
            "飛島の港から家まで重い荷物を運ぶのが大変",
            """
            島の出張所に届いた紙の投書を職員が代理入力しました。

            「定期船で届いた米や灯油を、港から家まで手押し車で運んでいます。坂道が多く、冬は風が強くて危ないです。若い人がいる家はいいけれど、うちは夫婦とも80代なので、だんだん難しくなってきました。」
            """,
            "飛島 勝浦港", PortLat, PortLon, "facilitator", 330, 13,
            new Accepted(300, "island-emobility"),
            new ProxyEntryInput(ProxyChannel.Paper, "飛島在住の80代の住民"),
            [
                new("masaru.honma", 320, "島ではみんな同じ悩みです。定期船が着く日は港が荷物でいっぱいになります。"),
            ]),

        // Safety and disaster prevention
        new("snow-school-route", "safety",
            "通学路の歩道の除雪が車道より後回しになる",
            "朝の通学時間に歩道が雪で埋まっていて、子どもたちが車道を歩いています。車道は早朝にきれいになっているのに、歩道は昼過ぎまでそのままのことが多いです。",
            "第三中学校の通学路（新町通り）", 38.9188, 139.8452, "misaki.tanaka", 120, 15,
            Comments:
            [
                new("yumi.kato", 118, "スクールゾーンだけでも先に除雪してもらえると安心です。"),
                new("staff2", 116, "建設課に除雪の順番を確認しています。歩道用の小型除雪機の配置も含めて、わかったことをここでお知らせします。",
                    new DemoReply("misaki.tanaka", 115.5, "ありがとうございます。町内会でも朝の見守りを相談してみます。")),
            ]),
        new("tsunami-signs", "safety",
            "観光客に津波の避難場所がわからない",
            "港の近くの観光スポットには、津波のときにどこへ逃げればよいかの案内がほとんどありません。地元の人は日和山に上がると知っていますが、観光客や外国の方にはわからないと思います。",
            "みなと町 港周辺", 38.9205, 139.8280, "ayaka.shimizu", 150, 10,
            Comments: [new("emily.carter", 148, "I agree. A simple map with pictograms and English would help visitors a lot.")]),
        new("bear-alert", "safety",
            "クマの目撃情報をすぐに知りたい",
            "最近、山沿いの集落でクマの目撃が続いています。防災無線は家の中だと聞こえにくく、市のサイトに載るのは翌日になることもあります。子どもの登下校の前に知りたいです。",
            "北部の山沿いの集落", 38.9620, 139.9010, "masaki.sugawara", 60, 21,
            Comments:
            [
                new("noriko.abe", 58, "スマホに通知が来ると助かります。高齢の家にはどう伝えるかも一緒に考えたいです。"),
            ]),
        new("dark-streetlights", "safety",
            "県道沿いの通学路の街灯が暗い",
            "部活帰りの子どもが通る県道沿いの歩道に、街灯が少ない区間があります。冬は17時前に暗くなるので心配です。",
            "県道沿い（みなと高校から南へ約500m）", 38.9080, 139.8500, "noriko.abe", 170, 8,
            new Declined(150, """
                ご指摘の区間は県が管理する道路のため、市の課題としてこの場で取り組むことができません。いただいた場所と写真は、市から県の道路管理の担当に伝え、現地を確認していただくようお願いしました。回答があれば、このページでお知らせします。「できない理由を並べる」のではなく、つなぐことはこれからも続けます。
                """)),

        // Older people and welfare
        new("snow-roof-alone", "elderly",
            "一人暮らしで屋根の雪下ろしができない",
            """
            お電話でのご相談を職員が代理入力しました。

            「屋根の雪が心配だが、業者に頼むと数週間待ち。近所も高齢者ばかりで頼めない。雪下ろしを手伝ってくれる人と、頼みたい家をつなぐ仕組みがあればいい。」
            """,
            "南部の住宅地", 38.9030, 139.8420, "facilitator", 95, 12,
            new Accepted(80, "snow-help"),
            new ProxyEntryInput(ProxyChannel.Phone, "80代の住民（一人暮らし）"),
            [
                new("hayate.ikeda", 90, "大学のサークルで雪かきボランティアをしています。声をかけてもらえれば行けます。",
                    new DemoReply("facilitator", 89.6, "心強いです。社会福祉協議会とも相談して、つなぎ方を考えます。")),
            ]),
        new("smartphone-help", "elderly",
            "スマホの使い方を気軽に聞ける場所がほしい",
            "市役所の窓口でのご相談を職員が代理入力しました。「スマホを買ったが、電話以外の使い方がわからない。子どもは県外にいて聞けない。同じことを何度でも、ゆっくり教えてくれる場所がほしい」とのことです。",
            "市役所 1階 総合窓口", 38.9142, 139.8366, "facilitator", 420, 25,
            new Accepted(400, "smartphone-classes"),
            new ProxyEntryInput(ProxyChannel.Counter, "70代の住民"),
            [
                new("mitsuko.endo", 416, "私も同じです。孫から写真が届いても、保存の仕方がわかりません。"),
                new("kaede.murakami", 414, "大学生のボランティアで教えられる人がいると思います。"),
            ]),
        new("island-shopping-phone", "elderly",
            "島から本土の店に電話で注文しても品物を確かめられない",
            "お電話でのご相談を職員が代理入力しました。「島には店が一軒しかなく、本土のスーパーに電話で頼んでいるが、品物や値段を確かめられず、間違いも多い。定期船に載せる手配も大変」とのことです。",
            "飛島", PortLat, PortLon, "staff2", 200, 8,
            new Accepted(190, "island-line-order", By: "staff2"),
            new ProxyEntryInput(ProxyChannel.Phone, "飛島在住の70代の住民")),
        new("parents-far-away", "elderly",
            "離れて暮らす親の様子が毎日わかると安心",
            "仕事で仙台に住んでいて、実家の父（82歳、一人暮らし）とは週に一度電話するくらいです。見守りカメラは本人がいやがります。毎日のちょっとした会話の中で、元気かどうかがわかる方法はないでしょうか。",
            null, null, null, "yuto.kimura", 350, 15,
            new Accepted(330, "ai-speaker"),
            Comments: [new("keiko.watanabe", 345, "民生委員をしています。訪問できる回数には限りがあるので、毎日の声かけがあると心強いです。")]),

        // Children and education
        new("winter-playground", "children",
            "冬でも子どもが体を動かせる屋内の遊び場がほしい",
            "12月から3月まで、公園は雪で使えません。屋内の遊び場は隣の市まで行かないとなく、車がない家庭は行けません。公民館の空いている部屋を使えないでしょうか。",
            null, null, null, "sakura.nakamura", 240, 20,
            Comments:
            [
                new("resident", 236, "使っていない日の体育館を、時間を決めて開放してもらえるとうれしいです。"),
                new("facilitator", 230, "子育て支援課と、公民館の空き時間を調べ始めました。冬の前に一度ワークショップを開きたいと考えています。"),
            ]),
        new("childcare-info", "children",
            "子育て支援の情報が、市のサイト・広報・LINEでばらばら",
            "予防接種、一時預かり、児童手当の手続きなど、情報が市のサイト、広報紙、LINE、保育園のお便りに分かれていて、必要なときに見つかりません。子どもの年齢を入れると必要な情報だけ出てくると助かります。",
            null, null, null, "yumi.kato", 180, 14),
        new("study-space", "children",
            "図書館の自習スペースが足りない",
            "テスト前の土日は、図書館の自習席が朝のうちに埋まってしまいます。公民館の空いている部屋を、中高生の自習に開放してもらえないでしょうか。",
            "市立図書館", 38.9158, 139.8402, "miho.goto", 45, 6),

        // Digital
        new("line-photos", "digital",
            "LINEで写真を送る方法がわからない",
            "公民館のスマホ相談会で伺った声を職員が代理入力しました。「LINEで孫に写真を送りたいが、どこを押せばいいかわからない。教室があるなら行きたい」とのことです。",
            "中央公民館", 38.9170, 139.8410, "facilitator", 395, 5,
            new MergedInto(390, "smartphone-help"),
            new ProxyEntryInput(ProxyChannel.Event, "スマホ相談会に参加した60代の住民")),
        new("council-online", "digital",
            "議会を平日の昼間に傍聴できない",
            "市議会の本会議や委員会は平日の昼間なので、働いている人は傍聴できません。子育て中で議場に行けない人もいます。オンラインで見られて、あとから見返せるようにしてほしいです。",
            "市役所 議場", 38.9142, 139.8366, "takuya.matsumoto", 400, 17,
            new Accepted(380, "online-council"),
            Comments:
            [
                new("chihiro.yamada", 396, "子どもの習い事の送り迎えがあって、夜も出かけられません。アーカイブがあればいつでも見られます。"),
            ]),

        // Environment and waste
        new("waste-sorting", "environment",
            "ごみの分別がわかりにくい。品目を調べられるようにしてほしい",
            "引っ越してきたばかりで、分別のルールが前の町と違って迷います。冊子は家にありますが、「スプレー缶」「フライパン」などを探すのに時間がかかります。スマホで品目を入れると出し方がわかると助かります。",
            null, null, null, "mariko.inoue", 280, 19,
            new Accepted(260, "waste-chat"),
            Comments: [new("emily.carter", 275, "An English version would help people like me, too. The pictures in the booklet are good!")]),
        new("beach-litter", "environment",
            "飛島の海岸の漂着ごみが多い",
            "飛島の海岸には、冬の季節風で大量のごみが流れ着きます。毎年のクリーンアップには参加していますが、島の人だけでは追いつきません。ごみの量や場所を記録して、回収の計画に役立てられないでしょうか。",
            "飛島 西海岸", 39.1960, 139.5450, "aoi.igarashi", 140, 14,
            Comments:
            [
                new("masaru.honma", 138, "冬のあとは特にひどいです。漁具やペットボトルが多いです。"),
                new("partner", 135, "島内の回収で運ぶところは、電動カートでお手伝いできるかもしれません。"),
            ]),

        // Tourism and local business
        new("island-shop", "tourism",
            "飛島の商店で買える物が少なく、本土からの取り寄せに手間がかかる",
            "島の商店は品数が限られていて、日用品や薬は本土からの取り寄せになります。電話やFAXで注文していますが、定期船が欠航すると何日も届きません。",
            "飛島 勝浦", PortLat, PortLon, "masaru.honma", 410, 16,
            new Accepted(376, "island-line-order")),
        new("ferry-booking", "tourism",
            "定期船の予約が電話だけで、つながりにくい",
            "夏の観光シーズンは、定期船の予約電話が何度かけてもつながりません。仕事中は電話しにくいので、空席の確認と予約がネットでできるようにしてほしいです。",
            "みなと港 定期船のりば", 38.9230, 139.8210, "ren.takahashi", 430, 24,
            new Accepted(415, "ferry-booking"),
            Comments:
            [
                new("masaru.honma", 428, "島民が通院で乗るときに席がないと困るので、島民の枠も考えてほしいです。",
                    new DemoReply("facilitator", 427.5, "大事な視点をありがとうございます。島民の方の予約のしかたも一緒に検討します。")),
            ]),
        new("empty-shops", "tourism",
            "中町の商店街に空き店舗が増えている",
            "中町の商店街でシャッターが閉まったままの店が増えました。観光客は旧米倉庫のあたりまでは来ても、商店街には流れてきません。空き店舗をチャレンジショップにするなど、若い人が始めやすい仕組みがあるとよいと思います。",
            "中町商店街", 38.9170, 139.8375, "osamu.hasegawa", 230, 7),
        new("signs-english", "tourism",
            "Signs for visitors are only in Japanese",
            """
            I teach English at the junior high school. Visitors often ask me where the bus stops, the ferry terminal and the toilets are, because most signs near the old rice warehouses are only in Japanese.

            観光地の案内表示がほとんど日本語だけで、海外からの観光客が困っています。ピクトグラムと英語の併記があると助かります。
            """,
            "旧米倉庫周辺", 38.9110, 139.8420, "emily.carter", 110, 9),
        new("fireworks-parking", "tourism",
            "花火大会の日の駐車場が足りない",
            "花火大会の日は駐車場がすぐ満車になり、住宅街の道に路上駐車があふれます。緊急車両が通れるのか心配です。",
            "みなと港 花火会場周辺", 38.9250, 139.8230, "hayate.ikeda", 250, 5,
            new Declined(230, """
                ご意見ありがとうございます。花火大会は民間の実行委員会が運営しているため、市の課題としてはお預かりしないことにしました。いただいたご意見は実行委員会にお届けし、今年は臨時シャトルバスの増便と、住宅街への誘導員の配置を検討していただけることになりました。
                """)),

        // Health and medical care
        new("clinic-wait", "health",
            "病院の待ち時間が長く、呼ばれるまで待合室を離れられない",
            "市立病院の外来で2時間以上待つことがあります。順番がいつ来るかわからないので、待合室を離れられません。冬は車の中で待てると助かるのですが。",
            "市立病院", 38.9050, 139.8350, "keiko.watanabe", 300, 16,
            new Accepted(280, "clinic-queue")),
        new("island-medicine", "health",
            "飛島で薬が切れたとき、すぐに手に入らない",
            "島の出張所に届いた紙の投書を職員が代理入力しました。「持病の薬が切れそうになっても、定期船が欠航すると何日も本土に行けない。急ぎのときだけでも届ける方法がほしい。」",
            "飛島 診療所", PortLat, PortLon, "facilitator", 320, 9,
            new Accepted(300, "drone-medicine"),
            new ProxyEntryInput(ProxyChannel.Paper, "飛島在住の70代の住民")),
        new("checkup-booking", "health",
            "健診の予約が電話のみで、平日の昼しかつながらない",
            "特定健診とがん検診の予約が電話だけで、受付は平日の9時から16時です。仕事中は電話できず、毎年予約を逃しそうになります。",
            null, null, null, "riku.ishikawa", 90, 12,
            Comments: [new("misaki.tanaka", 88, "ネットで予約できて、空いている日がわかると助かります。")]),
        new("heat-shelters", "health",
            "夏の暑い日に涼める場所を教えてほしい",
            "去年の夏はエアコンのない家のお年寄りが心配でした。公民館や図書館など、誰でも涼める場所がどこにあるのか、地図でわかるとよいと思います。",
            null, null, null, "mitsuko.endo", 30, 3),

        // Parks and green spaces
        new("park-toilet", "parks",
            "日和山公園のトイレが和式で使いにくい",
            "日和山公園のトイレが和式で古く、子どもやお年寄りが使いにくいです。観光客も多い場所なので、洋式にしてほしいです。",
            "日和山公園", 38.9226, 139.8300, "chihiro.yamada", 260, 11,
            Comments:
            [
                new("staff2", 255, "公園の再整備計画の中で、トイレの改修を検討しています。計画案ができたら、このページでお知らせします。"),
            ]),
        new("dog-run", "parks",
            "ドッグランを作ってほしい",
            "犬を飼っている家が増えていますが、リードを外して遊ばせられる場所がありません。公園の一角をドッグランにしてほしいです。",
            "光ヶ丘公園", 38.9300, 139.8200, "shota.kobayashi", 220, 4,
            new Declined(180, """
                ご提案ありがとうございます。いまある公園では、子どもの遊び場や冬の雪の置き場との両立が難しく、今回は課題として進めないことにしました。一方で、民間の空き地を期間を決めてドッグランにする取り組みのご相談は、公園緑地課で受け付けています。来年度の公園再整備計画の意見募集でも、ぜひもう一度お声をお寄せください。
                """, By: "staff2")),

        // Other
        new("meeting-dates", "other",
            "町内会の集まりの日程を決めるのが大変",
            "町内会の役員会の日程を決めるのに、毎回電話を何本もかけています。働いている人、スマホを使わない人がいて、一つの方法ではまとまりません。",
            null, null, null, "resident", 150, 8,
            new Accepted(140, "date-polls")),
        new("vacant-houses", "other",
            "空き家を移住者や若い世帯が使えるようにしてほしい",
            "近所で空き家が増えています。冬に屋根の雪が道に落ちてくる家もあります。移住したい人や若い世帯が借りられるように、持ち主とつなぐ仕組みがあればいいと思います。",
            "旧市街地", 38.9180, 139.8330, "hiroshi.yoshida", 200, 9,
            Comments: [new("makoto.saito", 196, "空き家バンクがあるのは知っていますが、登録されている家が少ないようです。")]),
    ];
}
