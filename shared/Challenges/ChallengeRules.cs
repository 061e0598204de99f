using System.Globalization;
using LivingLab.Common;

namespace LivingLab.Challenges;

/// <summary>The rules for a challenge's fields, as pure functions the grain, the API and the forms share.</summary>
public static class ChallengeRules
{
    public const int MaxTitleLength = 120;
    public const int MaxBodyLength = 10_000;
    public const int MaxPlaceTextLength = 200;
    public const int MaxReasonLength = 2_000;
    public const int MaxOnBehalfOfLength = 100;

    /// <summary>Every field in the order the form shows them; the first refusal names its field and rule.</summary>
    public static Rejection? Check(ChallengeInput input) =>
        TextRules.Line(input.Title, "title", MaxTitleLength)
        ?? TextRules.Text(input.Body, "body", MaxBodyLength)
        ?? CheckCategory(input.Category)
        ?? CheckPlace(input.Place);

    /// <summary>The input as stored: trimmed text, an empty place as none.</summary>
    public static ChallengeInput Normalize(ChallengeInput input)
    {
        var place = input.Place;
        var placeText = TextRules.Normalize(place?.Text);
        var normalizedPlace = place is null || (placeText.Length == 0 && place.Latitude is null && place.Longitude is null)
            ? null
            : new Place(placeText.Length == 0 ? null : placeText, place.Latitude, place.Longitude);
        return new ChallengeInput(TextRules.Normalize(input.Title), TextRules.Normalize(input.Body), input.Category, normalizedPlace);
    }

    /// <summary>A known category id (see <see cref="Categories"/>).</summary>
    public static Rejection? CheckCategory(string? category) =>
        string.IsNullOrEmpty(category) ? new Rejection("required", "category")
        : Categories.IsKnown(category) ? null
        : new Rejection("unknownCategory", "category");

    /// <summary>
    /// An optional place: a text of at most 200 characters and/or a point. Latitude and longitude come together and
    /// within their ranges, so a map never gets half a point.
    /// </summary>
    public static Rejection? CheckPlace(Place? place)
    {
        if (place is null)
        {
            return null;
        }

        if (TextRules.Line(place.Text, "place.text", MaxPlaceTextLength, required: false) is { } text)
        {
            return text;
        }

        if (place.Latitude is null != place.Longitude is null)
        {
            return new Rejection("incompletePoint", place.Latitude is null ? "place.latitude" : "place.longitude");
        }

        if (place.Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
        {
            return Range("place.latitude", -90, 90);
        }

        return place.Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180) ? Range("place.longitude", -180, 180) : null;
    }

    /// <summary>A proxy entry names a known channel and, optionally, a public description of the person.</summary>
    public static Rejection? CheckProxy(ProxyEntryInput? proxy) =>
        proxy?.Channel is not { } channel || !Enum.IsDefined(channel) ? new Rejection("required", "channel")
        : TextRules.Line(proxy.OnBehalfOf, "onBehalfOf", MaxOnBehalfOfLength, required: false);

    /// <summary>A reason for declining: required, at most 2,000 characters.</summary>
    public static Rejection? CheckReason(string? reason) => TextRules.Text(reason, "reason", MaxReasonLength);

    private static Rejection Range(string field, int min, int max) =>
        new("outOfRange", field, new Dictionary<string, string>
        {
            ["min"] = min.ToString(CultureInfo.InvariantCulture),
            ["max"] = max.ToString(CultureInfo.InvariantCulture),
        });
}

/// <summary>The API's names for challenge statuses and proxy channels.</summary>
public static class ChallengeWireNames
{
    private static readonly string[] StatusNames = ["open", "accepted", "merged", "declined"];
    private static readonly string[] ChannelNames = ["paper", "phone", "counter", "event"];

    /// <summary>Every status name, in enum order.</summary>
    public static IReadOnlyList<string> Statuses => StatusNames;

    /// <summary>Every channel name, in enum order.</summary>
    public static IReadOnlyList<string> Channels => ChannelNames;

    public static string Format(ChallengeStatus status) => StatusNames[(int)status];

    public static string Format(ProxyChannel channel) => ChannelNames[(int)channel];

    public static bool TryParseStatus(string? value, out ChallengeStatus status)
    {
        var index = value is null ? -1 : Array.IndexOf(StatusNames, value);
        status = index < 0 ? default : (ChallengeStatus)index;
        return index >= 0;
    }

    public static bool TryParseChannel(string? value, out ProxyChannel channel)
    {
        var index = value is null ? -1 : Array.IndexOf(ChannelNames, value);
        channel = index < 0 ? default : (ProxyChannel)index;
        return index >= 0;
    }
}
