using LivingLab.Pipeline;

namespace LivingLab.ReadModel.IdeaList;

/// <summary>The order of an idea list.</summary>
public enum IdeaSort
{
    /// <summary>Newest first (the default).</summary>
    Newest,

    /// <summary>Most votes first, then newest.</summary>
    Votes,
}

/// <summary>What an idea list asks for: optional filters that combine (AND); <see cref="Text"/> searches title and summary.</summary>
public sealed record IdeaListQuery(
    Stage? Stage = null,
    string? Category = null,
    IdeaStatus? Status = null,
    string? Text = null,
    IdeaSort Sort = IdeaSort.Newest,
    int Page = 1,
    int PageSize = 20);
