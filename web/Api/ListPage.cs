namespace LivingLab.Web.Api;

/// <summary>The shape of every API list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>A list small enough to answer in one page.</summary>
    public static ListPage<T> Whole(IReadOnlyList<T> items) => new(items, items.Count, 1, Math.Max(1, items.Count));
}
