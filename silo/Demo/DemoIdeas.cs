using LivingLab.Pipeline;

namespace LivingLab.Demo;

/// <summary>
/// The demo town's ideas, at least one in every stage plus one on hold and one declined, each moved through its gates
/// with the rationale and evidence a facilitator would record. Partners apply while an idea is in research or pilot;
/// KPIs are defined before the pilot and measured during and after it.
/// </summary>
internal static class DemoIdeas
{
    private const string Docs = "https://example.jp/minato";

    public static readonly DemoIdea[] All =
    [
        // Rollout
        new("smartphone-classes", "elderly",
            "公民館のスマホ教室と、市役所のスマホ相談窓口",
            """
            スマホを持っていても使い方を聞ける人がいない、という声に応えるアイデアです。

            - 公民館で月2回、少人数のスマホ教室（電話・写真・LINE・ビデオ通話）
            - 市役所1階に、予約なしで聞ける「スマホ相談窓口」
            - 同じことを何度聞いてもいい。教材は大きな文字で、持ち帰れる紙も用意
            """,
            "facilitator", 401, 24,
            [
                new Advance(396, Stage.Research,
                    "窓口と電話の相談記録を3か月分確認すると、スマホの操作についての相談が月平均42件ありました。公民館3か所での聞き取りでは、「同じことを何度でも聞ける場」を望む声が最も多く、教室と相談窓口の両方が必要だとわかりました。",
                    [$"{Docs}/dx/smartphone-consultations", $"{Docs}/dx/hearing-community-centres"]),
                new Apply(386, "shonai", """
                    公民館2か所で、月2回・各回8人までの教室を担当します。

                    - 講師1名と補助1名（補助は地元の大学生ボランティア）
                    - 教材は市と一緒に作り、大きな文字の紙で持ち帰れるようにします
                    - 参加者アンケートで「一人でできた」の割合を毎回記録します
                    """),
                new Decide(382, "shonai-digital", true, "公民館での講師経験があり、教材を市と一緒に作れるため。"),
                new SetOperator(381, "shonai-digital"),
                new AddKpi(380, "教室の参加者数（累計）", "人", 0, 300),
                new AddKpi(380, "「一人でできた」と答えた参加者の割合", "%", 35, 70),
                new Advance(378, Stage.Pilot,
                    "公民館2か所で3か月、月2回の教室を試します。講師は庄内デジタル工房、会場と周知は市が担います。参加者数と、終わったあとに「一人でできた」と答えた人の割合で効果を見ます。",
                    [$"{Docs}/dx/smartphone-pilot-plan"]),
                new Measure(350, "教室の参加者数（累計）", 48, "shonai", "2公民館・6回"),
                new Measure(350, "「一人でできた」と答えた参加者の割合", 52, "shonai"),
                new Measure(320, "教室の参加者数（累計）", 131, "shonai"),
                new Measure(320, "「一人でできた」と答えた参加者の割合", 61, "shonai"),
                new Measure(290, "教室の参加者数（累計）", 212, "shonai", "3か月の実証の終わり"),
                new Advance(288, Stage.ServicePlanning,
                    "3か月で212人が参加し、「一人でできた」と答えた人の割合は35%から61%に上がりました。キャンセル待ちが毎回出ているため、全7公民館への拡大と、常設の相談窓口の運営方法を企画します。",
                    [$"{Docs}/dx/smartphone-pilot-report", $"{Docs}/dx/smartphone-survey-results"]),
                new Measure(250, "教室の参加者数（累計）", 265, "shonai"),
                new Measure(250, "「一人でできた」と答えた参加者の割合", 66, "shonai"),
                new Advance(242, Stage.Rollout,
                    "予算が認められ、全7公民館での教室と、市役所1階の「スマホ相談窓口」（週3日）を始めます。窓口には大学生ボランティアも入ります。参加者数と「一人でできた」の割合は引き続き毎月公開します。",
                    [$"{Docs}/dx/smartphone-service-plan", $"{Docs}/council/budget-dx"]),
                new Measure(180, "教室の参加者数（累計）", 344, "shonai"),
                new Measure(180, "「一人でできた」と答えた参加者の割合", 68, "shonai"),
                new Measure(90, "教室の参加者数（累計）", 468, "shonai"),
                new Measure(90, "「一人でできた」と答えた参加者の割合", 72, "shonai"),
                new Measure(20, "教室の参加者数（累計）", 530, "facilitator", "相談窓口の利用者を含む"),
            ],
            [
                new("mitsuko.endo", 340, "教室に行きました。先生がゆっくり教えてくれて、孫にLINEで写真を送れました。",
                    new DemoReply("shonai", 339.5, "ありがとうございます！次回は「ビデオ通話」の回です。ぜひお孫さんと話してみてください。")),
                new("kazuko.yamaguchi", 200, "相談窓口は予約なしで行けるのがいいですね。紙の手順書もわかりやすかったです。"),
            ]),
        new("ferry-booking", "tourism",
            "定期船のオンライン予約（職員が内製）",
            """
            定期船の予約を、電話に加えてスマホやパソコンからもできるようにします。

            - 空席の確認と予約、キャンセルがいつでもできる
            - 島民の通院・通学のための優先枠を残す
            - 電話での予約も続ける（誰一人取り残さない）
            """,
            "facilitator", 416, 26,
            [
                new Advance(410, Stage.Research,
                    "繁忙期の予約電話は1日最大180件、職員2人が対応していました。観光客アンケートでは8割がネット予約を希望。一方、島民への聞き取りでは、通院の日に席が取れなくなることへの心配がありました。",
                    [$"{Docs}/ferry/phone-bookings", $"{Docs}/ferry/visitor-survey"]),
                new AddKpi(396, "オンライン予約の割合", "%", 0, 50),
                new AddKpi(396, "予約電話への対応時間（月）", "時間", 120, 60),
                new SetOperator(394, null),
                new Advance(392, Stage.Pilot,
                    "職員が内製した予約画面を、夏の繁忙期前の2か月間、観光客向けに試します。電話予約は続け、島民の優先枠は電話で受けます。",
                    [$"{Docs}/ferry/pilot-plan"]),
                new Measure(372, "オンライン予約の割合", 18, "facilitator"),
                new Measure(372, "予約電話への対応時間（月）", 104, "facilitator"),
                new Measure(356, "オンライン予約の割合", 31, "facilitator"),
                new Measure(356, "予約電話への対応時間（月）", 92, "facilitator"),
                new Advance(352, Stage.ServicePlanning,
                    "2か月で予約の31%がオンラインになり、電話対応の時間は120時間から92時間に減りました。大きなトラブルはありませんでした。島民の優先枠をオンラインでも選べるようにし、キャッシュレス決済を加える計画をつくります。",
                    [$"{Docs}/ferry/pilot-report"]),
                new Measure(332, "オンライン予約の割合", 38, "facilitator"),
                new Measure(332, "予約電話への対応時間（月）", 88, "facilitator"),
                new Advance(322, Stage.Rollout,
                    "島民優先枠とキャッシュレス決済を加えて、通年の運用を始めます。画面とデータの形式は公開し、ほかの航路の自治体も使えるようにします。",
                    [$"{Docs}/ferry/service-plan", $"{Docs}/opendata/ferry-timetable"]),
                new Measure(250, "オンライン予約の割合", 47, "facilitator"),
                new Measure(250, "予約電話への対応時間（月）", 70, "facilitator"),
                new Measure(160, "オンライン予約の割合", 52, "facilitator"),
                new Measure(160, "予約電話への対応時間（月）", 64, "facilitator"),
                new Measure(60, "オンライン予約の割合", 57, "facilitator"),
                new Measure(60, "予約電話への対応時間（月）", 58, "facilitator"),
            ],
            [
                new("ren.takahashi", 300, "夜に予約できるようになって本当に助かっています。",
                    new DemoReply("facilitator", 299.5, "ありがとうございます。使いにくいところがあれば、ここに書いてください。")),
                new("masaru.honma", 280, "島民枠がちゃんと残っていて、通院の日も安心です。"),
            ]),

        // Service planning
        new("island-line-order", "tourism",
            "飛島の商店にLINEで注文できるようにする",
            """
            島の商店と本土のスーパーに、LINE公式アカウントから注文できるようにします。品物の写真と値段を見て選べて、定期船に載せる手配までまとめて行います。LINEを使わない方は、これまでどおり電話で注文でき、職員が代わりに入力します。
            """,
            "facilitator", 377, 21,
            [
                new Advance(372, Stage.Research,
                    "島民アンケート（回答62世帯）で、7割の世帯がLINEを使っていること、注文の間違いと欠航時の遅れが一番の困りごとであることがわかりました。",
                    [$"{Docs}/tobishima/household-survey"]),
                new Apply(360, "shonai", """
                    LINE公式アカウントで、写真つきの商品一覧と注文フォームを作ります。

                    - 注文は商店とスーパーの両方に届き、定期船の便ごとにまとめて表示
                    - 電話注文は職員が同じ画面で代理入力
                    - 3か月の実証の費用は、初期設定と運用サポートを含めて当社が負担します
                    """),
                new Decide(356, "shonai-digital", true, "島民の使い方に合わせた画面の案が具体的で、電話注文の代理入力も同じ仕組みで扱えるため。"),
                new SetOperator(355, "shonai-digital"),
                new AddKpi(354, "月間の注文件数", "件", 0, 80),
                new AddKpi(354, "注文から受け取りまでの日数（平均）", "日", 5, 2),
                new Advance(350, Stage.Pilot,
                    "島の商店1店と本土のスーパー1店で、3か月の実証を行います。運営は庄内デジタル工房、島民への説明会は市と出張所が担います。",
                    [$"{Docs}/tobishima/line-order-pilot-plan"]),
                new Measure(322, "月間の注文件数", 26, "shonai"),
                new Measure(322, "注文から受け取りまでの日数（平均）", 4, "shonai"),
                new Measure(292, "月間の注文件数", 54, "shonai"),
                new Measure(292, "注文から受け取りまでの日数（平均）", 3, "shonai"),
                new Measure(262, "月間の注文件数", 71, "shonai"),
                new Measure(262, "注文から受け取りまでの日数（平均）", 2.5m, "shonai", "欠航が2回あった月"),
                new Advance(255, Stage.ServicePlanning,
                    "注文は月71件まで増え、受け取りまでの日数は5日から2.5日に短くなりました。港から家までの運搬は「e-モビリティで荷物を届ける」と組み合わせ、費用の分担と運営の形を企画します。",
                    [$"{Docs}/tobishima/line-order-pilot-report"]),
                new Measure(190, "月間の注文件数", 83, "shonai"),
                new Measure(190, "注文から受け取りまでの日数（平均）", 2.2m, "shonai"),
                new Measure(100, "月間の注文件数", 92, "shonai"),
                new Measure(100, "注文から受け取りまでの日数（平均）", 2, "shonai"),
            ],
            [
                new("masaru.honma", 300, "写真で選べるので、間違いがなくなりました。",
                    new DemoReply("shonai", 299.6, "うれしいです。よく買う物を「いつもの」で注文できる機能を準備しています。")),
            ]),
        new("online-council", "digital",
            "議会・審議会のオンライン配信とアーカイブ",
            """
            本会議・委員会・審議会をオンラインで配信し、字幕と目次つきでアーカイブします。働いている人も、子育て中の人も、好きな時間に議論を見られるようにします（磐梯町の取り組みを参考にしています）。
            """,
            "facilitator", 381, 15,
            [
                new Advance(372, Stage.Research,
                    "磐梯町など先行する自治体の配信方法と費用を調べ、議会事務局と配信できる会議の範囲を確認しました。市民アンケートでは、議会を見たことがない人の6割が「時間が合わない」を理由に挙げています。",
                    [$"{Docs}/council/streaming-research", $"{Docs}/council/resident-survey"]),
                new Apply(358, "chokai", "自動字幕と、発言者・議題ごとの目次を付けたアーカイブを提供します。字幕の誤りは職員が画面上で直せます。"),
                new Decide(354, "chokai-software", true, "字幕と目次の技術を持ち、職員が自分で直せる運用を提案しているため。配信そのものは市が行います。"),
                new AddKpi(352, "配信とアーカイブの視聴回数（月）", "回", 0, 1500),
                new AddKpi(352, "初めて議会を見た人の割合", "%", 0, 30),
                new SetOperator(351, null),
                new Advance(348, Stage.Pilot,
                    "総務常任委員会と子ども・子育て会議を、3か月間配信します。字幕と目次は鳥海ソフトウェア、配信と運用は市が行います。",
                    [$"{Docs}/council/streaming-pilot-plan"]),
                new Measure(320, "配信とアーカイブの視聴回数（月）", 640, "facilitator"),
                new Measure(320, "初めて議会を見た人の割合", 42, "facilitator"),
                new Measure(290, "配信とアーカイブの視聴回数（月）", 1180, "facilitator"),
                new Measure(290, "初めて議会を見た人の割合", 37, "facilitator"),
                new Advance(282, Stage.ServicePlanning,
                    "視聴は月1,180回になり、視聴した人の37%が初めて議会を見た人でした。議会運営委員会で本会議の配信が決まったため、すべての会議への広げ方と、アーカイブの保存期間を企画します。",
                    [$"{Docs}/council/streaming-pilot-report"]),
                new Measure(200, "配信とアーカイブの視聴回数（月）", 1320, "facilitator"),
                new Measure(200, "初めて議会を見た人の割合", 33, "facilitator"),
                new Measure(110, "配信とアーカイブの視聴回数（月）", 1460, "facilitator"),
                new Measure(110, "初めて議会を見た人の割合", 31, "facilitator"),
            ],
            [
                new("chihiro.yamada", 310, "子どもが寝たあとに委員会のアーカイブを見ました。目次があるので、保育園の話だけ見られました。"),
            ]),

        // Pilot
        new("island-emobility", "transport",
            "e-モビリティで港から家まで荷物を届ける（飛島）",
            """
            定期船で届いた荷物を、小型の電動カートで港から各家まで届けます。坂道と冬の強い風でも安全に運べるか、島の人が使い続けられる料金になるかを確かめます。
            """,
            "facilitator", 301, 19,
            [
                new Advance(292, Stage.Research,
                    "港から3つの集落までの道を実際に歩いて測りました（最大勾配12%、片道最長1.4km）。島民への聞き取りで、定期船の着く日に港で平均90分待っていることがわかりました。",
                    [$"{Docs}/tobishima/route-survey", $"{Docs}/tobishima/islander-hearing"]),
                new Apply(272, "partner", """
                    電動カート2台と電動アシスト自転車1台で、定期船の到着日に合わせて配送します。

                    - 運転は島在住のスタッフ2名（当社で雇用）
                    - 強風・積雪の日の運行基準を事前に決めます
                    - 実証の3か月間は配送料無料、その後の料金案も実証中に島民と話し合います
                    """),
                new Apply(268, "chokai", "配送の受付と記録のアプリを提供します。島民が電話で頼んだ配送も、職員が同じ画面で登録できます。"),
                new Decide(263, "tobishima-mobility", true, "島内での運転と整備の体制があり、冬の運行基準まで示されたため。"),
                new Decide(263, "chokai-software", false, "今回は車両と運転を担うパートナーを優先しました。配送の受付と記録の仕組みは、サービス企画の段階で改めてご相談させてください。"),
                new SetOperator(262, "tobishima-mobility"),
                new AddKpi(261, "週あたりの配送件数", "件", 0, 40),
                new AddKpi(261, "港から自宅までの時間（平均）", "分", 90, 30),
                new Advance(258, Stage.Pilot,
                    "とびしまモビリティが運行者となり、電動カート2台で3か月の実証を行います。配送件数と、港から自宅までにかかる時間を週ごとに記録します。",
                    [$"{Docs}/tobishima/emobility-pilot-plan"]),
                new Measure(230, "週あたりの配送件数", 14, "partner"),
                new Measure(230, "港から自宅までの時間（平均）", 52, "partner"),
                new Measure(200, "週あたりの配送件数", 26, "partner"),
                new Measure(200, "港から自宅までの時間（平均）", 38, "partner"),
                new Measure(170, "週あたりの配送件数", 33, "partner"),
                new Measure(170, "港から自宅までの時間（平均）", 34, "partner"),
                new Measure(120, "週あたりの配送件数", 22, "partner", "1〜2月は定期船の欠航が多く、件数が減った"),
                new Measure(120, "港から自宅までの時間（平均）", 41, "partner", "積雪の日は自転車を使わず、カートのみで運行"),
                new Measure(60, "週あたりの配送件数", 37, "partner"),
                new Measure(60, "港から自宅までの時間（平均）", 32, "partner"),
                new Measure(15, "週あたりの配送件数", 41, "partner"),
                new Measure(15, "港から自宅までの時間（平均）", 30, "partner"),
            ],
            [
                new("masaru.honma", 220, "灯油を家の前まで運んでもらえて助かりました。運転の人が島の若い人なのも安心です。",
                    new DemoReply("partner", 219.7, "ありがとうございます！冬の間も、風の強い日以外は運びます。")),
                new("aoi.igarashi", 140, "冬の欠航が多い月の数字も公開されていて、正直でいいと思います。"),
            ]),
        new("ai-speaker", "elderly",
            "AIスピーカーで一人暮らしの高齢者と毎日会話する",
            """
            希望する一人暮らしの高齢者の家にAIスピーカーを置き、朝と夕方に声をかけます。会話がない日が続いたときだけ、家族や民生委員に知らせます。カメラは使わず、会話の中身も記録しません（磐梯町の取り組みを参考にしています）。
            """,
            "facilitator", 331, 17,
            [
                new Advance(322, Stage.Research,
                    "磐梯町のAIスピーカーの取り組みを視察し、民生委員12人に聞き取りました。「カメラはいや」「話しかけてくれるならうれしい」という声が多く、会話だけで見守る方法が合っていると判断しました。",
                    [$"{Docs}/welfare/bandai-visit-report", $"{Docs}/welfare/minsei-hearing"]),
                new Apply(305, "chokai", """
                    AIスピーカー12台を貸し出し、朝夕の声かけと、会話がない日の通知を提供します。

                    - 会話の中身は保存しません。記録するのは「会話があったかどうか」だけ
                    - 設定と回収は当社が訪問して行います
                    """),
                new Decide(298, "chokai-software", true, "会話の中身を残さない設計で、民生委員の方々の懸念に応えているため。"),
                new SetOperator(297, "chokai-software"),
                new AddKpi(296, "毎日会話があった世帯の割合", "%", 0, 80),
                new AddKpi(296, "利用世帯数", "世帯", 0, 20),
                new Advance(292, Stage.Pilot,
                    "希望した12世帯にAIスピーカーを貸し出し、6か月の実証を行います。会話がない日が2日続いたら、家族と民生委員に知らせます。",
                    [$"{Docs}/welfare/ai-speaker-pilot-plan"]),
                new Measure(262, "毎日会話があった世帯の割合", 58, "chokai"),
                new Measure(262, "利用世帯数", 12, "chokai"),
                new Measure(232, "毎日会話があった世帯の割合", 71, "chokai"),
                new Measure(232, "利用世帯数", 15, "chokai"),
                new Measure(150, "毎日会話があった世帯の割合", 74, "chokai"),
                new Measure(150, "利用世帯数", 17, "chokai"),
                new Measure(70, "毎日会話があった世帯の割合", 79, "chokai"),
                new Measure(70, "利用世帯数", 18, "chokai"),
            ],
            [
                new("yuto.kimura", 250, "父が「今日は天気の話をした」と電話で話してくれました。毎日の会話が楽しみになっているようです。",
                    new DemoReply("chokai", 249.5, "うれしいお知らせをありがとうございます。方言の聞き取りも少しずつ良くなっています。")),
            ]),

        // Research
        new("bus-location", "transport",
            "循環バスの現在地をスマホとバス停で見られるようにする",
            "バスにGPSを付け、いまどこを走っているかをスマホと主なバス停の表示板で見られるようにします。スマホを持たない人のために、電話の自動音声でも案内します。",
            "staff2", 302, 20,
            [
                new Advance(286, Stage.Research,
                    "バス事業者と位置情報の機器について調べ始めました。冬の遅れは平均12分、最大45分。ほかの市で使われている仕組みの費用と、バス停の表示板の電源も確認します。",
                    [$"{Docs}/transport/bus-delay-data"], By: "staff2"),
                new AddKpi(210, "バス停での平均待ち時間（冬）", "分", 14, 5, By: "staff2"),
                new Apply(200, "shonai", "位置情報をLINEで知らせる仕組みと、主なバス停の表示板を提案します。まず2路線から始める案です。"),
            ],
            [
                new("kazuko.yamaguchi", 250, "電話の自動音声があるのはありがたいです。スマホは持っていないので。"),
            ]),
        new("waste-chat", "environment",
            "ごみの分別をチャットで調べられるようにする（日本語・英語）",
            "品目を入力すると、出し方と収集日がわかるチャットをLINEとサイトに用意します。英語にも対応し、紙の分別表も新しくします。",
            "facilitator", 262, 12,
            [
                new Advance(240, Stage.Research,
                    "分別辞典（約900品目）のデータを整理し、問い合わせの多い品目の上位50を調べています。英語版は、ALTの方と国際交流協会に確認をお願いしました。",
                    [$"{Docs}/environment/sorting-inquiries", $"{Docs}/opendata/waste-items"]),
            ]),

        // Discovery
        new("bike-parking-map", "transport",
            "駐輪場の空き状況をスマホで見える化",
            "駅前の駐輪場の空き状況を、家を出る前にスマホで確かめられるようにするアイデアです。まずは朝の混雑の実態を数えるところから始めます。",
            "facilitator", 344, 14,
            [],
            [new("haruto.sato", 330, "4月の朝に数えるときは、手伝いに行けます。")]),
        new("snow-help", "elderly", "", "", "facilitator", 80, 11, [], FromChallenge: "snow-roof-alone"),
        new("date-polls", "other",
            "町内会の日程調整をオンラインで（○△×の日程調整）",
            """
            役員会や行事の日程を、○△×で答えるオンラインの日程調整で決めます。スマホを使わない人の分は、班長が紙で聞いて代わりに入力します。市の審議会でも同じやり方を使えると思います。
            """,
            "resident", 145, 6,
            [],
            [
                new("makoto.saito", 138, "うちの町内会でも試してみたいです。紙の回答も一緒に集計できるのがいいですね。",
                    new DemoReply("resident", 137.5, "ありがとうございます！紙の回答用紙のひな形も作ってみます。")),
            ]),

        // Closed: on hold (in research)
        new("clinic-queue", "health",
            "病院の順番をスマホに知らせる",
            "外来の順番が近づいたらスマホに知らせ、待合室の外（車の中や近くの店）で待てるようにします。",
            "facilitator", 282, 9,
            [
                new Advance(268, Stage.Research,
                    "市立病院と地域の3診療所に聞き取りを行いました。受付の仕組みは病院ごとに違い、市立病院では順番の情報を電子カルテから取り出す必要があります。",
                    [$"{Docs}/health/clinic-hearing"]),
                new Close(200, IdeaStatus.OnHold, """
                    市立病院の電子カルテが2年後に更新される予定で、それまでは順番の情報を取り出す方法がないことがわかりました。別の仕組みを無理に入れると受付の手間が増えるため、更新の設計が始まるまで保留にします。その間、受付番号を紙で渡して駐車場で待てるようにする工夫を、病院と一緒に試します。
                    """),
            ]),

        // Closed: declined (in research), with what was learned
        new("drone-medicine", "health",
            "ドローンで飛島に薬を届ける",
            "定期船が欠航したときにも、ドローンで本土の薬局から飛島の診療所へ薬を届けるアイデアです。",
            "facilitator", 303, 7,
            [
                new Advance(290, Stage.Research,
                    "国の実証事例を調べ、ドローン事業者2社から費用と飛行条件の説明を受けました。あわせて、島の診療所で必要になる薬の量を確認します。",
                    [$"{Docs}/tobishima/drone-research"]),
                new Close(230, IdeaStatus.Declined, """
                    見送ります。わかったこと：

                    - 冬は風速が飛行の基準を超える日が月の半分以上あり、定期船が欠航する日ほど飛べませんでした。
                    - 1回あたりの費用が約4万円で、島の急ぎの薬の需要（週2〜3件）には見合いませんでした。
                    - 代わりに、オンラインでの服薬指導と、定期船での定期的な配送（「e-モビリティで荷物を届ける」と組み合わせ）を検討します。

                    失敗ではなく、次の選択肢を見つけた調査でした。調べた資料はすべて公開しています。
                    """),
            ],
            [
                new("masaru.honma", 225, "残念ですが、調べてくれた内容がよくわかりました。定期船での配送に期待しています。",
                    new DemoReply("facilitator", 224.5, "ありがとうございます。薬局と診療所との話し合いを始めています。")),
            ]),
    ];
}
