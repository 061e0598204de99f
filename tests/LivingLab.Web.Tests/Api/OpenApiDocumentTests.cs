using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LivingLab.Web.Tests.Api;

/// <summary>One host for the document tests: the document does not change between requests.</summary>
public sealed class OpenApiHost : IAsyncLifetime
{
    public LivingLabFactory Factory { get; } = new();

    public JsonElement Document { get; private set; }

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class OpenApiDocumentTests(OpenApiHost host) : IClassFixture<OpenApiHost>
{
    private JsonElement Document => host.Document;

    public static TheoryData<string, string> Operations => new()
    {
        { "/api/account/register", "post" },
        { "/api/account/login", "post" },
        { "/api/account/logout", "post" },
        { "/api/account/me", "get" },
        { "/api/account/tokens", "post" },
        { "/api/account/tokens", "get" },
        { "/api/account/tokens/{id}", "delete" },
        { "/api/admin/users/{id}/roles", "post" },
    };

    [Fact]
    public void Document_is_OpenAPI_3_titled_LivingLab_API()
    {
        Assert.StartsWith("3.", Document.GetProperty("openapi").GetString());
        Assert.Equal("LivingLab API", Document.GetProperty("info").GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Document.GetProperty("info").GetProperty("description").GetString()));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_api_operation_is_described_with_a_summary_a_description_a_tag_and_responses(string path, string method)
    {
        var operation = Document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
        Assert.NotEmpty(operation.GetProperty("tags").EnumerateArray());
        Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
    }

    [Fact]
    public void Every_documented_operation_has_a_summary_a_description_and_problem_json_for_its_4xx_responses()
    {
        foreach (var path in Document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), name);
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), name);
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
                {
                    Assert.True(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {response.Name}");
                }
            }
        }
    }

    [Fact]
    public void Document_has_every_mapped_api_endpoint_and_no_page_or_health_endpoint()
    {
        var mapped = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Path: e.RoutePattern.RawText!.TrimEnd('/'), Method: m.ToLowerInvariant())))
            .ToHashSet();
        var documented = Document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name)))
            .ToHashSet();

        Assert.Superset(Operations.Select(o => ((string)o[0], (string)o[1])).ToHashSet(), mapped);
        Assert.Equal(mapped.OrderBy(x => x.ToString()), documented.OrderBy(x => x.ToString()));
        Assert.All(documented, o => Assert.StartsWith("/api/", o.Path));
    }

    [Theory]
    [InlineData("/api/account/register", "post", "400 409 415 429")]
    [InlineData("/api/account/login", "post", "400 401 403 415 429")]
    [InlineData("/api/account/logout", "post", "415")]
    [InlineData("/api/account/me", "get", "401 404")]
    [InlineData("/api/account/tokens", "post", "400 401 403 415")]
    [InlineData("/api/account/tokens", "get", "401 403")]
    [InlineData("/api/account/tokens/{id}", "delete", "401 403 404")]
    [InlineData("/api/admin/users/{id}/roles", "post", "400 401 403 404 415")]
    public void Refusals_are_documented_as_problem_details(string path, string method, string statuses)
    {
        var responses = Document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");

        foreach (var status in statuses.Split(' '))
        {
            var content = responses.GetProperty(status).GetProperty("content");
            var schema = content.GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public void Problem_schema_has_the_rfc_members_and_livinglab_code_and_field()
    {
        var properties = Schema("ProblemDetails").GetProperty("properties");

        foreach (var name in new[] { "type", "title", "status", "detail", "instance", "code", "field" })
        {
            Assert.True(properties.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void Request_and_response_bodies_are_documented_with_camelCase_properties_and_string_ids()
    {
        Assert.Equal("#/components/schemas/RegisterRequest", RequestSchemaRef("/api/account/register", "post"));
        Assert.Equal("#/components/schemas/LoginRequest", RequestSchemaRef("/api/account/login", "post"));
        Assert.Equal("#/components/schemas/CreateTokenRequest", RequestSchemaRef("/api/account/tokens", "post"));
        Assert.Equal("#/components/schemas/SetRolesRequest", RequestSchemaRef("/api/admin/users/{id}/roles", "post"));
        Assert.Equal("#/components/schemas/AccountResponse", ResponseSchemaRef("/api/account/me", "get", "200"));
        Assert.Equal("#/components/schemas/CreatedTokenResponse", ResponseSchemaRef("/api/account/tokens", "post", "201"));

        var account = Schema("AccountResponse").GetProperty("properties");
        Assert.Equal(["id", "displayName", "roles", "partnerId"], account.EnumerateObject().Select(p => p.Name));
        Assert.Equal("string", account.GetProperty("id").GetProperty("type").GetString());
        Assert.True(Schema("ListPageOfAccessTokenInfo").GetProperty("properties").TryGetProperty("pageSize", out _));

        foreach (var schema in Document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (schema.Value.TryGetProperty("properties", out var properties))
            {
                Assert.All(properties.EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), $"{schema.Name}.{p.Name}"));
            }
        }
    }

    [Fact]
    public void Challenge_and_idea_bodies_are_documented_with_wire_names_as_strings()
    {
        Assert.Equal("#/components/schemas/ChallengeRequest", RequestSchemaRef("/api/challenges", "post"));
        Assert.Equal("#/components/schemas/ProxyChallengeRequest", RequestSchemaRef("/api/challenges/proxy", "post"));
        Assert.Equal("#/components/schemas/ChallengeResponse", ResponseSchemaRef("/api/challenges/{id}", "get", "200"));
        Assert.Equal("#/components/schemas/AdvanceRequest", RequestSchemaRef("/api/ideas/{id}/advance", "post"));
        Assert.Equal("#/components/schemas/IdeaResponse", ResponseSchemaRef("/api/ideas/{id}", "get", "200"));
        Assert.Equal("#/components/schemas/ListPageOfCommentResponse", ResponseSchemaRef("/api/challenges/{id}/comments", "get", "200"));

        var idea = Schema("IdeaResponse").GetProperty("properties");
        Assert.Equal("string", idea.GetProperty("stage").GetProperty("type").GetString());
        Assert.Equal("string", idea.GetProperty("status").GetProperty("type").GetString());
        Assert.True(idea.TryGetProperty("nextGate", out _));
        Assert.True(Schema("ProblemDetails").GetProperty("properties").TryGetProperty("missing", out _));
        Assert.Equal(["cookie", "bearer"], SecuritySchemes("/api/challenges/{id}/support", "post"));
        Assert.Empty(SecuritySchemes("/api/challenges/{id}", "get"));
    }

    [Theory]
    [InlineData("/api/challenges", "post", "400 401 403 415")]
    [InlineData("/api/challenges/{id}", "get", "404")]
    [InlineData("/api/challenges/{id}/support", "post", "401 403 404 409")]
    [InlineData("/api/challenges/{id}/comments/{commentId}/hide", "post", "400 401 403 404 409 415")]
    [InlineData("/api/ideas/{id}/advance", "post", "400 401 403 404 409 415")]
    [InlineData("/api/ideas/{id}/kpis/{kpiId}/measurements", "post", "400 401 403 404 409 415")]
    public void Challenge_and_idea_refusals_are_documented_as_problem_details(string path, string method, string statuses) =>
        Refusals_are_documented_as_problem_details(path, method, statuses);

    [Fact]
    public void Both_security_schemes_are_described_and_required_where_sign_in_is()
    {
        var schemes = Document.GetProperty("components").GetProperty("securitySchemes");
        var cookie = schemes.GetProperty("cookie");
        Assert.Equal("apiKey", cookie.GetProperty("type").GetString());
        Assert.Equal("cookie", cookie.GetProperty("in").GetString());
        Assert.Equal("livinglab.auth", cookie.GetProperty("name").GetString());
        var bearer = schemes.GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.StartsWith("llpat_", bearer.GetProperty("bearerFormat").GetString());

        Assert.Equal(["cookie", "bearer"], SecuritySchemes("/api/account/me", "get"));
        Assert.Equal(["cookie", "bearer"], SecuritySchemes("/api/account/tokens", "post"));
        Assert.Equal(["cookie", "bearer"], SecuritySchemes("/api/admin/users/{id}/roles", "post"));
        Assert.Empty(SecuritySchemes("/api/account/register", "post"));
        Assert.Empty(SecuritySchemes("/api/account/login", "post"));
    }

    [Fact]
    public async Task Explorer_at_api_docs_is_html_pointing_at_the_document()
    {
        using var client = host.Factory.CreateClient();

        using var response = await client.GetAsync("/api/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", html);
        Assert.Contains("<title>LivingLab API</title>", html);
        var config = await client.GetStringAsync("/api/docs/index.js");
        Assert.Contains("/openapi/v1.json", config);
    }

    private JsonElement Schema(string name) => Document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private string? RequestSchemaRef(string path, string method) =>
        Document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

    private string? ResponseSchemaRef(string path, string method, string status) =>
        Document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

    private IEnumerable<string> SecuritySchemes(string path, string method) =>
        Document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList()
            : [];
}
