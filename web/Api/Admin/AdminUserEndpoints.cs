using LivingLab.People;
using Orleans;
using LivingLab.Web.Api.Account;

namespace LivingLab.Web.Api.Admin;

/// <summary>Account administration: <c>/api/admin/users</c>. Admins only, here and again inside the grain.</summary>
public static class AdminUserEndpoints
{
    /// <summary>Maps the admin endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminUserApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Admin").RequireAuthorization(AccountSchemes.AdminPolicy);
        users.MapPost("/{id}/roles", SetRoles)
            .WithName("SetRoles")
            .WithSummary("Set an account's roles")
            .WithDescription(
                "Replaces the roles of the account `id` (resident, facilitator, partner, admin); `partnerId` names the partner " +
                "organisation of a partner (required with that role). Every account keeps the resident role. Admins only, and an admin cannot remove their own admin role.")
            .Produces<AccountResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> SetRoles(string id, SetRolesRequest? body, HttpContext context, IGrainFactory grains)
    {
        if (body?.Roles is null)
        {
            return Problems.Create(context, "required", "roles");
        }

        var result = await grains.GetGrain<IPersonGrain>(id).SetRoles(body.Roles, body.PartnerId);
        return result.Succeeded ? TypedResults.Ok(AccountResponse.From(result.Value!)) : Problems.From(context, result.Rejection!);
    }
}
