using Bunit;
using LivingLab.Web.Components.Shared;
using MudBlazor;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Components;

/// <summary>An icon-only button always has an accessible name: the wrapper requires one, and no page uses MudIconButton bare.</summary>
public sealed class IconActionTests
{
    [Fact]
    public async Task The_label_is_the_buttons_accessible_name_and_its_hover_text()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var button = context.Render<IconAction>(p => p
            .Add(b => b.Label, "この測定値を削除")
            .Add(b => b.Icon, Icons.Material.Filled.Delete)).Find("button");

        Assert.Equal("この測定値を削除", button.GetAttribute("aria-label"));
        Assert.Equal("この測定値を削除", button.GetAttribute("title"));
        Assert.NotNull(button.QuerySelector("svg"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_button_without_a_label_fails_where_it_is_written(string label)
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        var failure = Assert.Throws<InvalidOperationException>(() => context.Render<IconAction>(p => p
            .Add(b => b.Label, label)
            .Add(b => b.Icon, Icons.Material.Filled.Delete)));
        Assert.Contains("accessible name", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_component_of_the_site_uses_MudIconButton_except_through_the_wrapper()
    {
        var web = Path.Combine(RepositoryPaths.Root(), "web");
        var bare = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "IconAction.razor"
                && File.ReadAllText(f).Contains("<MudIconButton", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        Assert.True(bare.Count == 0, "use <IconAction Label=…> instead of MudIconButton in: " + string.Join(", ", bare));
    }
}
