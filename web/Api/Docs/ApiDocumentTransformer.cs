using LivingLab.Web.Api.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LivingLab.Web.Api.Docs;

/// <summary>The document's title and description, and the two ways to authenticate: the sign-in cookie and bearer tokens.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The security scheme for the sign-in cookie.</summary>
    public const string CookieScheme = "cookie";

    /// <summary>The security scheme for personal access tokens.</summary>
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "LivingLab API",
            Version = "v1",
            Description =
                "The REST API of LivingLab, the town's living-lab platform. Bodies are JSON with camelCase property names; " +
                "ids are strings. Writes take `application/json` only (any other body gets 415). Every refusal is an " +
                "RFC 9457 problem (`application/problem+json`) with `status`, `title`, a machine `code`, a `detail` in the " +
                "request's language (`Accept-Language: en` for English, Japanese by default) and `field` when one field is at fault. " +
                "Browsers authenticate with the `livinglab.auth` cookie set by login or register; partner systems send a personal " +
                "access token (`llpat_…`, created with `POST /api/account/tokens`) as `Authorization: Bearer`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AccountSchemes.CookieName,
            Description = "The HttpOnly, SameSite=Lax sign-in cookie set by `POST /api/account/login` and `POST /api/account/register`.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "llpat_…",
            Description = "A personal access token (`llpat_…`), created with `POST /api/account/tokens`, shown once, revocable.",
        };
        Describe(document, "Account", "Sign-up, sign-in, the signed-in account and its personal access tokens.");
        Describe(document, "Admin", "Account administration, for admins only.");
        Describe(document, "Challenges", "Local issues (地域の課題) residents post and support, and facilitators accept, merge or decline.");
        Describe(document, "Ideas", "Ideas moving through discovery, research, pilot, service planning and rollout, with the reason and evidence for every step.");
        return Task.CompletedTask;
    }

    // The tags are already there (from WithTags); only their descriptions are added.
    private static void Describe(OpenApiDocument document, string name, string description)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
        {
            tag.Description = description;
        }
        else
        {
            document.Tags.Add(new OpenApiTag { Name = name, Description = description });
        }
    }
}

/// <summary>
/// Operations that need a signed-in caller accept either scheme: the cookie or a bearer token. Request bodies are shown
/// as their type: the handlers take them as nullable only to answer a missing body with a problem of their own.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var media in operation.RequestBody?.Content?.Values ?? [])
        {
            if (media.Schema is { OneOf: { Count: 2 } choices }
                && choices.Where(c => c is OpenApiSchemaReference || c.Type != JsonSchemaType.Null).ToList() is [var only])
            {
                media.Schema = only;
            }
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.CookieScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, context.Document)] = [] },
            ];
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Problem bodies carry LivingLab's <c>code</c> and <c>field</c> beside the RFC 9457 members. Numbers are documented as
/// numbers: the web JSON defaults also read them from strings, but the API always writes them as numbers.
/// </summary>
internal sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonTypeInfo.Type == typeof(ProblemDetails) || context.JsonTypeInfo.Type == typeof(HttpValidationProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The machine-readable reason, e.g. `required`, `invalidCredentials`, `emailTaken`, `rateLimited`.",
            };
            schema.Properties["field"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "The request field at fault, when there is one (e.g. `email`).",
            };
            schema.Properties["missing"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Every unmet condition when a refusal has several (a stage gate, `gateNotMet`): `code`, `field`, " +
                    "`values` (e.g. `kpiId`, `kpiName`) and `detail` in the request's language.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["field"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                        ["values"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }
}
