namespace LivingLab.Web.Features.Admin.People;

/// <summary>The name of each person's plain role form, shared by the page that handles it and the island that prerenders it.</summary>
public static class RoleForms
{
    public static string HandlerOf(string personId) => $"roles-{personId}";
}
