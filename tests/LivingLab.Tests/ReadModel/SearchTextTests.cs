using LivingLab.ReadModel.Search;

namespace LivingLab.Tests.ReadModel;

public sealed class SearchTextTests
{
    [Fact]
    public void Japanese_text_yields_every_two_character_window_so_two_character_words_are_found()
    {
        var grams = SearchText.Bigrams(SearchText.Normalize("駅前の駐輪場"));

        Assert.Contains("駐輪", grams);
        Assert.Contains("駅前", grams);
        Assert.Equal(5, grams.Count);
    }

    [Fact]
    public void Normalization_folds_full_width_latin_half_width_kana_and_case()
    {
        Assert.Equal("bench ベンチ", SearchText.Normalize("ＢＥＮＣＨ　ﾍﾞﾝﾁ"));
    }

    [Fact]
    public void Punctuation_splits_words_and_grams_never_cross_a_word_boundary()
    {
        var normalized = SearchText.Normalize("公園、ベンチ!! (Park)");

        Assert.Equal("公園 ベンチ park", normalized);
        Assert.DoesNotContain("園ベ", SearchText.Bigrams(normalized));
    }

    [Fact]
    public void Query_terms_are_normalized_and_one_character_terms_are_not_searchable()
    {
        Assert.Equal(["公園", "bench"], SearchText.Terms(" 公園　BENCH 公園 "));
        Assert.True(SearchText.IsSearchable(SearchText.Terms("公園")));
        Assert.False(SearchText.IsSearchable(SearchText.Terms("公")));
        Assert.False(SearchText.IsSearchable(SearchText.Terms("   ")));
    }

    [Fact]
    public void Combining_marks_compose_and_emoji_separate_words()
    {
        var normalized = SearchText.Normalize("Cafe\u0301🌸桜並木");

        Assert.Equal("café 桜並木", normalized);
        Assert.Contains("fé", SearchText.Bigrams(normalized));
    }
}
