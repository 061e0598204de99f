namespace LivingLab.Web.Api;

/// <summary>The shape of every API list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    /// <summary>A list small enough to answer in one page.</summary>
    public static ListPage<T> Whole(IReadOnlyList<T> items) => new(items, items.Count, 1, Math.Max(1, items.Count));
}

/// <summary>The <c>page</c> and <c>pageSize</c> of a list request, checked once for every list endpoint.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>The largest page a list returns.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The page, or a 400 problem naming the parameter that is out of range.</summary>
    public static bool TryCreate(HttpContext context, int? page, int? pageSize, out PageRequest request, out IResult? problem)
    {
        request = new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
        problem = page is < 1 ? Problems.Create(context, "outOfRange", "page")
            : pageSize is < 1 or > MaxPageSize ? Problems.Create(context, "outOfRange", "pageSize", new Dictionary<string, string> { ["limit"] = $"{MaxPageSize}" })
            : null;
        return problem is null;
    }

    /// <summary>This page of an in-memory list, with the total.</summary>
    public ListPage<T> Of<T>(IReadOnlyList<T> all) =>
        new([.. all.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize)).Take(PageSize)], all.Count, Page, PageSize);
}
