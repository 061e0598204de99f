using LivingLab.Challenges;

namespace LivingLab.Web.Api.Challenges;

/// <summary>Where the issue is: a text, a point (latitude and longitude together), or both.</summary>
public sealed record PlaceBody(string? Text, double? Latitude, double? Longitude)
{
    public static PlaceBody? From(Place? place) => place is null ? null : new(place.Text, place.Latitude, place.Longitude);

    public Place ToPlace() => new(Text, Latitude, Longitude);
}

/// <summary>Body of <c>POST /api/challenges</c>.</summary>
public sealed record ChallengeRequest(string? Title, string? Body, string? Category, PlaceBody? Place)
{
    public ChallengeInput ToInput() => new(Title, Body, Category, Place?.ToPlace());
}

/// <summary>Body of <c>POST /api/challenges/proxy</c>: a challenge entered by staff for a person without a device.</summary>
public sealed record ProxyChallengeRequest(string? Title, string? Body, string? Category, PlaceBody? Place, string? Channel, string? OnBehalfOf)
{
    public ChallengeInput ToInput() => new(Title, Body, Category, Place?.ToPlace());
}

/// <summary>The public mark of a proxy entry: how it reached the staff and how the person may be named.</summary>
public sealed record ProxyResponse(string Channel, string? OnBehalfOf);

/// <summary>
/// A challenge as the API shows it. A merged duplicate answers with its own data, <c>status: "merged"</c> and
/// <see cref="MergedIntoId"/>, so clients can redirect to the challenge that holds its supporters and comments.
/// </summary>
public sealed record ChallengeResponse(
    string Id,
    string Title,
    string Body,
    string Category,
    PlaceBody? Place,
    PersonRef Author,
    ProxyResponse? Proxy,
    DateTimeOffset Created,
    string Status,
    int SupportCount,
    int FollowerCount,
    int CommentCount,
    string? IdeaId,
    string? MergedIntoId,
    string? DeclineReason,
    DateTimeOffset? Decided,
    bool SupportedByMe,
    bool FollowedByMe)
{
    public static async Task<ChallengeResponse> From(ChallengeDetails d, PersonNames people) => new(
        d.Id, d.Title, d.Body, d.Category, PlaceBody.From(d.Place), await people.Get(d.AuthorId),
        d.Proxy is { } proxy ? new ProxyResponse(ChallengeWireNames.Format(proxy.Channel), proxy.OnBehalfOf) : null,
        d.Created, ChallengeWireNames.Format(d.Status), d.SupportCount, d.FollowerCount, d.CommentCount,
        d.IdeaId, d.MergedIntoId, d.DeclineReason, d.Decided, d.SupportedByCaller, d.FollowedByCaller);
}

/// <summary>The number of supporters after a support or its withdrawal.</summary>
public sealed record SupportCountResponse(int SupportCount);

/// <summary>Body of <c>POST /api/challenges/{id}/accept</c>: an existing idea to link, or none to create one.</summary>
public sealed record AcceptChallengeRequest(string? IdeaId);

/// <summary>The idea an accepted challenge became or joined.</summary>
public sealed record AcceptChallengeResponse(string IdeaId);

/// <summary>Body of <c>POST /api/challenges/{id}/merge</c>: the challenge this duplicate goes into.</summary>
public sealed record MergeChallengeRequest(string? IntoId);
