using System.Globalization;
using LivingLab.Common;
using LivingLab.Pipeline;
using LivingLab.Workshops;

namespace LivingLab.Web.Features.Workshops.Staff;

/// <summary>
/// The workshop form (new and edit) as posted, every value a string as a form sends it, and the grain's rules applied
/// to every field at once so each control shows its own message. The date is "fixed" (a day, a start and an end time in
/// Japan) or left to a date poll.
/// </summary>
public sealed class WorkshopFormInput
{
    /// <summary>The value of <see cref="When"/> for a date typed in.</summary>
    public const string Fixed = "fixed";

    /// <summary>The value of <see cref="When"/> for a date a poll will find.</summary>
    public const string Poll = "poll";

    /// <summary>The value of the Preview button's name ("Input.Action").</summary>
    public const string PreviewAction = "preview";

    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The stage's wire name ("discovery" … "rollout").</summary>
    public string? Stage { get; set; }

    public string? Place { get; set; }

    public string? OnlineUrl { get; set; }

    public string? Capacity { get; set; }

    public bool GuestsAllowed { get; set; }

    /// <summary><see cref="Fixed"/> or <see cref="Poll"/>.</summary>
    public string? When { get; set; }

    /// <summary>The day in Japan, yyyy-MM-dd.</summary>
    public string? Date { get; set; }

    /// <summary>The start time in Japan, HH:mm.</summary>
    public string? StartTime { get; set; }

    /// <summary>The end time in Japan, HH:mm (the same day).</summary>
    public string? EndTime { get; set; }

    /// <summary>A random key per rendered create form: the same key from the same person reaches the same workshop id.</summary>
    public string? Key { get; set; }

    /// <summary>"preview" when the Preview button was pressed.</summary>
    public string? Action { get; set; }

    /// <summary>The linked challenges (checkboxes, read from the form by the page: Blazor binds no repeated field).</summary>
    public List<string> ChallengeIds { get; set; } = [];

    /// <summary>The linked ideas.</summary>
    public List<string> IdeaIds { get; set; } = [];

    public bool IsPreview => Action == PreviewAction;

    public bool IsPoll => When == Poll;

    /// <summary>Whether the key can serve as an idempotency key (the API takes up to 200 characters).</summary>
    public bool HasUsableKey => Key is { Length: > 0 and <= 200 };

    /// <summary>The form filled with a workshop as stored, for editing.</summary>
    public static WorkshopFormInput From(WorkshopDetails workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        return new WorkshopFormInput
        {
            Title = workshop.Title,
            Description = workshop.Description,
            Stage = StageWireNames.Format(workshop.Stage),
            Place = workshop.Place,
            OnlineUrl = workshop.OnlineUrl,
            Capacity = workshop.Capacity.ToString(CultureInfo.InvariantCulture),
            GuestsAllowed = workshop.GuestsAllowed,
            When = workshop.StartsAt is null ? Poll : Fixed,
            Date = workshop.StartsAt is { } starts ? JapanTime.DateOf(starts) : null,
            StartTime = workshop.StartsAt is { } from ? JapanTime.TimeOf(from) : null,
            EndTime = workshop.EndsAt is { } to ? JapanTime.TimeOf(to) : null,
            ChallengeIds = [.. workshop.ChallengeIds],
            IdeaIds = [.. workshop.IdeaIds],
        };
    }

    /// <summary>A copy, so an island can keep the text it started from apart from what is typed.</summary>
    public WorkshopFormInput Copy()
    {
        var copy = (WorkshopFormInput)MemberwiseClone();
        copy.ChallengeIds = [.. ChallengeIds];
        copy.IdeaIds = [.. IdeaIds];
        return copy;
    }

    /// <summary>The grain's input (a poll leaves both times empty).</summary>
    public WorkshopInput ToInput()
    {
        Stage? stage = StageWireNames.TryParse(Stage, out var parsed) ? parsed : null;
        var (starts, ends) = IsPoll ? (null, null) : (JapanTime.At(Date, StartTime), JapanTime.At(Date, EndTime));
        return new WorkshopInput(Title, Description, stage, ChallengeIds, IdeaIds, Place, OnlineUrl, ParsedCapacity, GuestsAllowed, starts, ends);
    }

    /// <summary>Every field's refusal, keyed by the rule's field name; empty when all pass.</summary>
    public Dictionary<string, Rejection> Check()
    {
        var problems = new Dictionary<string, Rejection>(StringComparer.Ordinal);
        foreach (var rejection in FieldChecks())
        {
            if (rejection is not null)
            {
                problems.TryAdd(rejection.Field ?? "", rejection);
            }
        }

        // Whatever the field checks let through, the grain's own rules have the last word before a save.
        if (problems.Count == 0 && WorkshopRules.Check(ToInput()) is { } left)
        {
            problems[left.Field ?? ""] = left;
        }

        return problems;
    }

    private int? ParsedCapacity =>
        int.TryParse(Capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seats) ? seats : null;

    private IEnumerable<Rejection?> FieldChecks()
    {
        yield return TextRules.Line(Title, "title", WorkshopRules.MaxTitleLength);
        yield return TextRules.Text(Description, "description", WorkshopRules.MaxDescriptionLength, required: false);
        yield return string.IsNullOrEmpty(Stage) ? new Rejection("required", "stage")
            : StageWireNames.TryParse(Stage, out _) ? null
            : new Rejection("invalidValue", "stage");
        yield return TextRules.Line(Place, "place", WorkshopRules.MaxPlaceLength, required: false);
        yield return CheckLink(OnlineUrl);
        yield return TextRules.Normalize(Place).Length == 0 && TextRules.Normalize(OnlineUrl).Length == 0
            ? new Rejection("placeOrOnlineRequired", "place")
            : null;
        yield return string.IsNullOrWhiteSpace(Capacity) ? new Rejection("required", "capacity")
            : ParsedCapacity is { } seats and >= 1 and <= WorkshopRules.MaxCapacity ? null
            : new Rejection("outOfRange", "capacity");
        if (!IsPoll)
        {
            foreach (var rejection in CheckTimes())
            {
                yield return rejection;
            }
        }
    }

    private IEnumerable<Rejection?> CheckTimes()
    {
        yield return string.IsNullOrWhiteSpace(Date) || string.IsNullOrWhiteSpace(StartTime) ? new Rejection("required", "startsAt")
            : !JapanTime.IsDate(Date) || !JapanTime.IsTime(StartTime) ? new Rejection("invalidValue", "startsAt")
            : null;
        yield return string.IsNullOrWhiteSpace(EndTime) ? new Rejection("required", "endsAt")
            : !JapanTime.IsTime(EndTime) ? new Rejection("invalidValue", "endsAt")
            : JapanTime.At(Date, StartTime) is { } starts && JapanTime.At(Date, EndTime) is { } ends && ends <= starts
                ? new Rejection("endBeforeStart", "endsAt")
                : null;
    }

    private static Rejection? CheckLink(string? url)
    {
        var text = TextRules.Normalize(url);
        return text.Length == 0 ? null
            : text.Length > LinkRules.MaxLength ? TextRules.Limit("tooLong", "onlineUrl", LinkRules.MaxLength)
            : LinkRules.IsSafeLink(text) ? null
            : new Rejection("invalidUrl", "onlineUrl");
    }
}
