namespace LivingLab.Web.Tests.Pages.Ideas;

/// <summary>The idea-side page tests share one seeded town and one browser, so it is built once.</summary>
[CollectionDefinition(Name)]
public sealed class IdeaPagesCollection : ICollectionFixture<IdeaPagesTown>
{
    public const string Name = "idea pages";
}
