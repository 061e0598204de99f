using System.Globalization;
using System.Text;
using LivingLab.Challenges;
using LivingLab.Common;

namespace LivingLab.Web.Features.Challenges;

/// <summary>
/// The fields of the new-challenge and proxy-entry forms as posted (every value a string, as a form sends it), and the
/// checks that turn them into grain inputs. Every field is checked at once, so each control shows its own message.
/// </summary>
public sealed class ChallengeFormInput
{
    /// <summary>The value of the Preview button's name ("Input.Action").</summary>
    public const string PreviewAction = "preview";

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? Category { get; set; }

    public string? PlaceText { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    /// <summary>A random key per rendered form: the same key from the same person reaches the same challenge id, so a double submit posts once.</summary>
    public string? Key { get; set; }

    /// <summary>Proxy entry: the channel's wire name (paper, phone, counter, event).</summary>
    public string? Channel { get; set; }

    /// <summary>Proxy entry: how the person may be named publicly.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>"preview" when the Preview button was pressed.</summary>
    public string? Action { get; set; }

    public bool IsPreview => Action == PreviewAction;

    /// <summary>Whether the key can be used as an idempotency key (the API takes up to 200 characters).</summary>
    public bool HasUsableKey => Key is { Length: > 0 and <= 200 };

    /// <summary>Whether the person opened the optional map-point fields.</summary>
    public bool HasPoint => !string.IsNullOrWhiteSpace(Latitude) || !string.IsNullOrWhiteSpace(Longitude);

    /// <summary>The grain input, or every field's refusal keyed by its field name (title, body, category, place.text, …).</summary>
    public Dictionary<string, Rejection> Check(out ChallengeInput input)
    {
        var problems = new Dictionary<string, Rejection>(StringComparer.Ordinal);
        Add(problems, TextRules.Line(Title, "title", ChallengeRules.MaxTitleLength));
        Add(problems, TextRules.Text(Body, "body", ChallengeRules.MaxBodyLength));
        Add(problems, ChallengeRules.CheckCategory(Category));
        Add(problems, TextRules.Line(PlaceText, "place.text", ChallengeRules.MaxPlaceTextLength, required: false));
        var latitude = Number(Latitude, "place.latitude", problems);
        var longitude = Number(Longitude, "place.longitude", problems);
        var place = new Place(PlaceText, latitude, longitude);
        if (!problems.Keys.Any(k => k.StartsWith("place.", StringComparison.Ordinal)))
        {
            Add(problems, ChallengeRules.CheckPlace(place));
        }

        input = new ChallengeInput(Title, Body, Category, place);
        return problems;
    }

    /// <summary>The proxy part: the channel is required, the description optional.</summary>
    public Dictionary<string, Rejection> CheckProxy(out ProxyEntryInput proxy)
    {
        var problems = new Dictionary<string, Rejection>(StringComparer.Ordinal);
        ProxyChannel? channel = ChallengeWireNames.TryParseChannel(Channel, out var parsed) ? parsed : null;
        proxy = new ProxyEntryInput(channel, string.IsNullOrWhiteSpace(OnBehalfOf) ? null : OnBehalfOf);
        Add(problems, channel is null ? new Rejection("required", "channel") : null);
        Add(problems, TextRules.Line(OnBehalfOf, "onBehalfOf", ChallengeRules.MaxOnBehalfOfLength, required: false));
        return problems;
    }

    private static void Add(Dictionary<string, Rejection> problems, Rejection? rejection)
    {
        if (rejection is not null)
        {
            problems.TryAdd(rejection.Field ?? "", rejection);
        }
    }

    // Full-width digits (３８．９) are what a Japanese keyboard often types: NFKC folds them before parsing.
    private static double? Number(string? text, string field, Dictionary<string, Rejection> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        if (double.TryParse(folded, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        problems.TryAdd(field, new Rejection("invalidValue", field));
        return null;
    }
}
