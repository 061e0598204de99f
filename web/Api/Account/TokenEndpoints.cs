using LivingLab.People;
using Orleans;

namespace LivingLab.Web.Api.Account;

/// <summary>Personal access tokens of the signed-in person: <c>/api/account/tokens</c>.</summary>
public static class TokenEndpoints
{
    /// <summary>Maps the token endpoints; all need a signed-in person.</summary>
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/account/tokens").WithTags("Account").RequireAuthorization();
        tokens.MapPost("/", Create)
            .WithName("CreateToken")
            .WithSummary("Create a personal access token")
            .WithDescription(
                "Creates a token for partner systems, sent as `Authorization: Bearer llpat_…`. The secret `token` appears in " +
                "this response only (`Cache-Control: no-store`); the server keeps only its hash. A person may hold a limited number of live tokens.")
            .Produces<CreatedTokenResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tokens.MapGet("/", List)
            .WithName("ListTokens")
            .WithSummary("List your personal access tokens")
            .WithDescription("Lists the caller's tokens (id, name, creation, last use, revoked), never their secrets, as one list page.")
            .Produces<ListPage<AccessTokenInfo>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapDelete("/{id}", Revoke)
            .WithName("RevokeToken")
            .WithSummary("Revoke a personal access token")
            .WithDescription("Revokes one of the caller's tokens by id; it stops working at once.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Create(CreateTokenRequest? body, HttpContext context, IGrainFactory grains)
    {
        var result = await Me(context, grains).CreateToken(body?.Name ?? "");
        if (!result.Succeeded)
        {
            return Problems.From(context, result.Rejection!);
        }

        var (info, token) = (result.Value!.Info, result.Value.Token);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created((string?)null, new CreatedTokenResponse(info.Id, info.Name, info.Created, token));
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var result = await Me(context, grains).ListTokens();
        return result.Succeeded ? TypedResults.Ok(ListPage<AccessTokenInfo>.Whole(result.Value!)) : Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Revoke(string id, HttpContext context, IGrainFactory grains)
    {
        var result = await Me(context, grains).RevokeToken(id);
        return result.Succeeded ? TypedResults.NoContent() : Problems.From(context, result.Rejection!);
    }

    private static IPersonGrain Me(HttpContext context, IGrainFactory grains) =>
        grains.GetGrain<IPersonGrain>(AccountPrincipal.PersonId(context.User)!);
}
