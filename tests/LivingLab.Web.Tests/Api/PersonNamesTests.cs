using System.Globalization;
using Orleans;
using LivingLab.Web.Api;
using LivingLab.Web.Tests.Account;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Api;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("ja", "退会したユーザー")]
    [InlineData("en", "former member")]
    public async Task A_person_without_an_account_shows_as_former_member_in_the_request_language(string culture, string expected)
    {
        await using var factory = AccountApi.Factory();
        using var client = factory.CreateClient();
        var id = await AccountApi.RegisteredId(client);
        var names = new PersonNames(factory.Services.GetRequiredService<IGrainFactory>());
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var gone = await names.Get("0123456789abcdef");
            var garbage = await names.Get("Not An Id");
            var present = await names.Get(id);

            Assert.Equal(new PersonRef("0123456789abcdef", expected), gone);
            Assert.Equal(expected, garbage.DisplayName);
            Assert.Equal("酒田 花子", present.DisplayName);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
