using LivingLab.Pipeline;

namespace LivingLab.Tests.Pipeline;

public sealed class RationaleRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n　")]
    public void Every_move_needs_a_rationale(string? rationale)
    {
        var rejection = Assert.Single(StageGate.CheckRationale(rationale, []).Missing);

        Assert.Equal("required", rejection.Code);
        Assert.Equal("rationale", rejection.Field);
    }

    [Fact]
    public void A_rationale_of_one_to_2000_characters_is_accepted()
    {
        Assert.True(StageGate.CheckRationale("a", null).Succeeded);
        Assert.True(StageGate.CheckRationale(new string('理', 2000), null).Succeeded);
    }

    [Fact]
    public void A_rationale_over_2000_characters_is_too_long()
    {
        var rejection = Assert.Single(StageGate.CheckRationale(new string('a', 2001), null).Missing);

        Assert.Equal("tooLong", rejection.Code);
        Assert.Equal("rationale", rejection.Field);
        Assert.Equal("2000", rejection.Values!["limit"]);
    }

    [Fact]
    public void Characters_are_counted_as_unicode_scalars_so_emoji_count_once()
    {
        var emoji = string.Concat(Enumerable.Repeat("🚲", 2000));
        Assert.Equal(4000, emoji.Length);

        Assert.True(StageGate.CheckRationale(emoji, null).Succeeded);
        Assert.Equal(["tooLong"], StageGate.CheckRationale(emoji + "🚲", null).Codes);
    }

    [Fact]
    public void Up_to_ten_evidence_links_are_accepted()
    {
        var links = Enumerable.Range(1, 10).Select(i => $"https://town.example/minutes/{i}").ToArray();

        Assert.True(StageGate.CheckRationale("理由", links).Succeeded);
    }

    [Fact]
    public void More_than_ten_evidence_links_are_refused()
    {
        var links = Enumerable.Range(1, 11).Select(i => $"https://town.example/minutes/{i}").ToArray();

        var rejection = Assert.Single(StageGate.CheckRationale("理由", links).Missing);
        Assert.Equal("tooMany", rejection.Code);
        Assert.Equal("evidence", rejection.Field);
    }

    [Theory]
    [InlineData("http://town.example/report.pdf")]
    [InlineData("https://town.example/ja/資料?year=2026#p3")]
    [InlineData("HTTPS://TOWN.EXAMPLE/")]
    [InlineData("https://例え.jp/")]
    [InlineData("https://town.example:8443/x")]
    public void Evidence_links_must_be_absolute_http_urls(string url)
    {
        Assert.True(StageGate.CheckRationale("理由", [url]).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("town.example/report")]
    [InlineData("//town.example/report")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("ftp://town.example/file")]
    [InlineData("mailto:staff@town.example")]
    [InlineData("file:///etc/passwd")]
    [InlineData(" https://town.example/")]
    [InlineData("https://town.example/a b")]
    [InlineData("https://town.example/\tx")]
    [InlineData("https:\\\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("https://town.example@evil.example/")]
    [InlineData("https://")]
    public void Other_evidence_links_are_refused_with_their_index(string? url)
    {
        var rejection = Assert.Single(StageGate.CheckRationale("理由", ["https://town.example/ok", url]).Missing);

        Assert.Equal("invalidUrl", rejection.Code);
        Assert.Equal("evidence", rejection.Field);
        Assert.Equal("1", rejection.Values!["index"]);
    }

    [Fact]
    public void An_evidence_link_over_2000_characters_is_too_long()
    {
        var longUrl = "https://town.example/" + new string('a', 2000 - "https://town.example/".Length + 1);

        var rejection = Assert.Single(StageGate.CheckRationale("理由", [longUrl]).Missing);
        Assert.Equal("tooLong", rejection.Code);
        Assert.Equal("0", rejection.Values!["index"]);
        Assert.True(StageGate.CheckRationale("理由", [longUrl[..^1]]).Succeeded);
    }
}
