using LivingLab.Partners;
using LivingLab.People;
using Orleans;
using LivingLab.Web.Api.Account;

namespace LivingLab.Web.Api.Partners;

/// <summary>Partner organisations: <c>/api/partners</c>. Anyone reads; admins write, checked here and again in the grain.</summary>
public static class PartnerEndpoints
{
    /// <summary>Maps the partner endpoints.</summary>
    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/partners").WithTags("Partners");
        partners.MapGet("/", List)
            .WithName("ListPartners")
            .WithSummary("List partner companies")
            .WithDescription("The partner directory, public to anyone: id, name, description (Markdown) and website. The contact is never listed. `pageSize` is at most 100.")
            .Produces<ListPage<PartnerListItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        partners.MapGet("/{id}", Get)
            .WithName("GetPartner")
            .WithSummary("One partner company")
            .WithDescription("A partner's public fields. The private contact is included only for admins and for members of that partner.")
            .Produces<PartnerResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        partners.MapPost("/", Create).RequireAuthorization(AccountSchemes.AdminPolicy)
            .WithName("CreatePartner")
            .WithSummary("Add a partner company (admin)")
            .WithDescription("Creates a partner organisation from a name (1–100 characters), a Markdown description (up to 5,000), an http(s) website and a private contact (up to 200). Admins only. Send an `Idempotency-Key` header to make the request safe to repeat: the same key from the same person answers 200 with the partner the first request created.")
            .Produces<PartnerResponse>()
            .Produces<PartnerResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        partners.MapPut("/{id}", Update).RequireAuthorization(AccountSchemes.AdminPolicy)
            .WithName("UpdatePartner")
            .WithSummary("Change a partner company (admin)")
            .WithDescription("Replaces a partner's name, description, website and contact, with the same rules as creation. Admins only.")
            .Produces<PartnerResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains, int? page, int? pageSize)
    {
        if (!PageRequest.TryCreate(context, page, pageSize, out var request, out var problem))
        {
            return problem!;
        }

        var all = await grains.GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List();
        return TypedResults.Ok(request.Of(all.Select(PartnerListItem.From).ToArray()));
    }

    private static async Task<IResult> Get(string id, HttpContext context, IGrainFactory grains)
    {
        var partner = await grains.GetGrain<IPartnerGrain>(id).Get();
        return partner is null ? Problems.Create(context, "notFound") : TypedResults.Ok(PartnerResponse.From(partner));
    }

    /// <summary>The request header that makes a create safe to repeat.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The caller's Idempotency-Key when a create may be repeated safely (signed in, 1–200 characters), else null.</summary>
    public static string? IdempotencyKey(HttpContext context)
    {
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        return key.Length is > 0 and <= 200 && Caller.Id is not null ? key : null;
    }

    private static async Task<IResult> Create(PartnerRequest? body, HttpContext context, IGrainFactory grains)
    {
        var key = IdempotencyKey(context);
        var repeatable = key is not null;
        var id = key is null ? PartnerRules.NewId() : PartnerRules.IdFor(Caller.Id!, key);
        var partner = grains.GetGrain<IPartnerGrain>(id);
        var result = await partner.Create(Input(body));
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/partners/{id}", PartnerResponse.From(result.Value!));
        }

        // A repeated key is the same request arriving again: answer with what the first one created.
        if (repeatable && result.Rejection!.Code == "alreadyExists" && await partner.Get() is { } existing)
        {
            return TypedResults.Ok(PartnerResponse.From(existing));
        }

        return Problems.From(context, result.Rejection!);
    }

    private static async Task<IResult> Update(string id, PartnerRequest? body, HttpContext context, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IPartnerGrain>(id).Update(Input(body));
        return result.Succeeded ? TypedResults.Ok(PartnerResponse.From(result.Value!)) : Problems.From(context, result.Rejection!);
    }

    private static PartnerInput Input(PartnerRequest? body) => body?.ToInput() ?? new PartnerInput(null, null, null, null);
}
