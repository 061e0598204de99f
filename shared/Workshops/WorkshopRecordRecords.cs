namespace LivingLab.Workshops;

/// <summary>
/// What a facilitator keeps of a workshop once it has taken place: minutes in Markdown and a link to a recording. Both
/// public; an empty value clears it.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.WorkshopRecordInput")]
public sealed record WorkshopRecordInput(string? Minutes, string? RecordingUrl);

/// <summary>A participant's feedback on a workshop: 1 (poor) to 5 (very good), and an optional comment.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.FeedbackInput")]
public sealed record FeedbackInput(int? Rating, string? Comment);

/// <summary>One feedback as given; staff read it without the name, so people say what they think.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.FeedbackEntry")]
public sealed record FeedbackEntry(int Rating, string Comment, DateTimeOffset Given);

/// <summary>
/// Everything said about a workshop, for staff: how many answered, the mean rating, how many gave each rating
/// (<see cref="Ratings"/>[0] counts the 1s), and the comments, newest first.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.FeedbackSummary")]
public sealed record FeedbackSummary(int Count, double? Average, IReadOnlyList<int> Ratings, IReadOnlyList<FeedbackEntry> Comments);

/// <summary>
/// The feedback survey as the caller sees it: whether they may answer now (a seat, and the workshop has begun), their
/// own answer, and for staff the summary (null for everyone else).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ll.FeedbackView")]
public sealed record FeedbackView(bool Open, FeedbackEntry? Mine, FeedbackSummary? Summary);
