using LivingLab.Common;

namespace LivingLab.Workshops;

/// <summary>The rules for a workshop's fields and registrations, as pure functions so the grain and any form apply the same ones.</summary>
public static class WorkshopRules
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 10_000;
    public const int MaxPlaceLength = 200;
    public const int MaxLinkedItems = 20;
    public const int MaxCapacity = 1_000;
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 200;
    public const int MaxReasonLength = 2_000;
    public const int MinPollSlots = 2;
    public const int MaxPollSlots = 20;
    public const int MaxPollCommentLength = 200;
    public const int MaxMinutesLength = 20_000;
    public const int MaxFeedbackCommentLength = 1_000;
    public const int MaxContributionLength = 3_000;

    /// <summary>The longest a workshop may last: one day (a series is several workshops).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>Checks every field, in the order a form shows them; the refusal names the field and the rule.</summary>
    public static Rejection? Check(WorkshopInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TextRules.Line(input.Title, "title", MaxTitleLength)
            ?? TextRules.Text(input.Description, "description", MaxDescriptionLength, required: false)
            ?? (input.Stage is null || !Enum.IsDefined(input.Stage.Value) ? new Rejection("required", "stage") : null)
            ?? CheckIds(input.ChallengeIds, "challengeIds")
            ?? CheckIds(input.IdeaIds, "ideaIds")
            ?? TextRules.Line(input.Place, "place", MaxPlaceLength, required: false)
            ?? CheckLink(input.OnlineUrl, "onlineUrl")
            ?? (TextRules.Normalize(input.Place).Length == 0 && TextRules.Normalize(input.OnlineUrl).Length == 0
                ? new Rejection("placeOrOnlineRequired", "place")
                : null)
            ?? CheckCapacity(input.Capacity)
            ?? CheckTimes(input.StartsAt, input.EndsAt);
    }

    /// <summary>The input as stored: trimmed texts, distinct ids in the order given.</summary>
    public static WorkshopInput Normalize(WorkshopInput input) => input with
    {
        Title = TextRules.Normalize(input.Title),
        Description = TextRules.Normalize(input.Description),
        ChallengeIds = [.. (input.ChallengeIds ?? []).Distinct(StringComparer.Ordinal)],
        IdeaIds = [.. (input.IdeaIds ?? []).Distinct(StringComparer.Ordinal)],
        Place = TextRules.Normalize(input.Place),
        OnlineUrl = TextRules.Normalize(input.OnlineUrl),
    };

    /// <summary>A person staff register: a name (1–100 characters) and how to reach them (1–200).</summary>
    public static Rejection? Check(OfflineParticipantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TextRules.Line(input.Name, "name", MaxNameLength) ?? TextRules.Line(input.Contact, "contact", MaxContactLength);
    }

    /// <summary>The public reason for cancelling a workshop: 1–2,000 characters.</summary>
    public static Rejection? CheckReason(string? reason) => TextRules.Text(reason, "reason", MaxReasonLength);

    /// <summary>Minutes (Markdown, up to 20,000 characters) and a recording's http(s) link, each optional.</summary>
    public static Rejection? Check(WorkshopRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return TextRules.Text(input.Minutes, "minutes", MaxMinutesLength, required: false) ?? CheckLink(input.RecordingUrl, "recordingUrl");
    }

    /// <summary>A rating from 1 to 5 and a comment of up to 1,000 characters.</summary>
    public static Rejection? Check(FeedbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (input.Rating is null ? new Rejection("required", "rating")
                : input.Rating is < 1 or > 5 ? new Rejection("outOfRange", "rating", new Dictionary<string, string> { ["min"] = "1", ["max"] = "5" })
                : null)
            ?? TextRules.Text(input.Comment, "comment", MaxFeedbackCommentLength, required: false);
    }

    /// <summary>A note or cluster handed to an idea or challenge: a well-formed workshop id, a source id, 1–3,000 characters.</summary>
    public static Rejection? Check(WorkshopContribution from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return !Ids.IsWellFormed(from.WorkshopId) ? new Rejection("invalidId", "workshopId")
            : TextRules.Line(from.WorkshopTitle, "workshopTitle", MaxTitleLength)
            ?? TextRules.Line(from.SourceId, "sourceId", 100)
            ?? TextRules.Text(from.Text, "text", MaxContributionLength);
    }

    /// <summary>A date poll's candidates: 2–20 slots, each a valid time span, no two the same.</summary>
    public static Rejection? CheckPoll(IReadOnlyList<PollSlotInput>? slots)
    {
        if (slots is null || slots.Count < MinPollSlots)
        {
            return TextRules.Limit("tooFew", "slots", MinPollSlots);
        }

        if (slots.Count > MaxPollSlots)
        {
            return TextRules.Limit("tooMany", "slots", MaxPollSlots);
        }

        foreach (var slot in slots)
        {
            if (CheckTimes(slot.StartsAt, slot.EndsAt) is { } invalid)
            {
                return invalid with { Field = "slots" };
            }

            if (slot.StartsAt is null)
            {
                return new Rejection("required", "slots");
            }
        }

        return slots.Select(s => (s.StartsAt!.Value.UtcDateTime, s.EndsAt!.Value.UtcDateTime)).Distinct().Count() == slots.Count
            ? null
            : new Rejection("duplicateSlot", "slots");
    }

    /// <summary>An answer: marks only for the poll's slots, at least one, and a comment of at most 200 characters.</summary>
    public static Rejection? CheckAnswer(PollAnswerInput input, IReadOnlyCollection<string> slotIds)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Marks is null || input.Marks.Count == 0)
        {
            return new Rejection("required", "marks");
        }

        if (input.Marks.Any(m => !slotIds.Contains(m.Key) || !Enum.IsDefined(m.Value)))
        {
            return new Rejection("unknownSlot", "marks");
        }

        return TextRules.Line(input.Comment, "comment", MaxPollCommentLength, required: false);
    }

    private static Rejection? CheckIds(IReadOnlyList<string>? ids, string field)
    {
        if (ids is null)
        {
            return null;
        }

        if (ids.Count > MaxLinkedItems)
        {
            return TextRules.Limit("tooMany", field, MaxLinkedItems);
        }

        return ids.All(Ids.IsWellFormed) ? null : new Rejection("invalidId", field);
    }

    private static Rejection? CheckLink(string? url, string field)
    {
        var text = TextRules.Normalize(url);
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length > LinkRules.MaxLength ? TextRules.Limit("tooLong", field, LinkRules.MaxLength)
            : LinkRules.IsSafeLink(text) ? null
            : new Rejection("invalidUrl", field);
    }

    private static Rejection? CheckCapacity(int? capacity) =>
        capacity is null ? new Rejection("required", "capacity")
        : capacity < 1 || capacity > MaxCapacity ? new Rejection("outOfRange", "capacity", new Dictionary<string, string>
        {
            ["min"] = "1",
            ["max"] = MaxCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        : null;

    private static Rejection? CheckTimes(DateTimeOffset? starts, DateTimeOffset? ends) =>
        (starts, ends) switch
        {
            (null, null) => null,
            (null, _) => new Rejection("required", "startsAt"),
            (_, null) => new Rejection("required", "endsAt"),
            var (s, e) when e <= s => new Rejection("endBeforeStart", "endsAt"),
            var (s, e) when e - s > MaxDuration => new Rejection("tooLong", "endsAt", new Dictionary<string, string> { ["limit"] = "24" }),
            _ => null,
        };
}
