using LivingLab.Challenges;
using LivingLab.Pipeline;

namespace LivingLab.Demo;

// The demo town as data. Every moment is "days before the anchor" (see DemoTimeline): 30.0 is 19:00 JST thirty days
// before seeding began, and the fraction moves earlier in that day (30.5 is 14:00), so a larger number is always earlier.

/// <summary>A demo account; <see cref="Key"/> names it in the rest of the data, the email identifies it in the store.</summary>
internal sealed record DemoPerson(string Key, string Email, string DisplayName, string Role, double Joined, string? PartnerKey = null);

/// <summary>A partner company, created by the demo admin.</summary>
internal sealed record DemoPartner(string Key, string Name, string Description, string Website, string Contact, double Created, string CreatedBy = "admin");

/// <summary>A comment with its replies (one level, as the threads allow).</summary>
internal sealed record DemoComment(string Author, double At, string Body, params DemoReply[] Replies);

/// <summary>A reply to a <see cref="DemoComment"/>.</summary>
internal sealed record DemoReply(string Author, double At, string Body);

/// <summary>What a facilitator decided about a challenge.</summary>
internal abstract record DemoOutcome(double At, string By);

/// <summary>Accepted into the idea <see cref="IdeaKey"/> (created from the challenge when that idea names it as its origin).</summary>
internal sealed record Accepted(double At, string IdeaKey, string By = "facilitator") : DemoOutcome(At, By);

/// <summary>A duplicate merged into another challenge.</summary>
internal sealed record MergedInto(double At, string IntoKey, string By = "facilitator") : DemoOutcome(At, By);

/// <summary>Declined with a public, kind reason.</summary>
internal sealed record Declined(double At, string Reason, string By = "facilitator") : DemoOutcome(At, By);

/// <summary>
/// A local issue. <see cref="Proxy"/> marks an entry staff made for someone without a device (the author is then a
/// facilitator). <see cref="Supporters"/> residents support it, spread over the weeks after it was posted.
/// </summary>
internal sealed record DemoChallenge(
    string Key,
    string Category,
    string Title,
    string Body,
    string? Place,
    double? Latitude,
    double? Longitude,
    string Author,
    double At,
    int Supporters,
    DemoOutcome? Outcome = null,
    ProxyEntryInput? Proxy = null,
    DemoComment[]? Comments = null);

/// <summary>One thing that happens to an idea on its way through the pipeline.</summary>
internal abstract record DemoIdeaStep(double At);

/// <summary>A move through a stage gate, with the rationale and evidence the timeline shows.</summary>
internal sealed record Advance(double At, Stage To, string Rationale, string[] Evidence, string By = "facilitator") : DemoIdeaStep(At);

/// <summary>A KPI defined by a facilitator.</summary>
internal sealed record AddKpi(double At, string Name, string Unit, decimal Baseline, decimal Target, string By = "facilitator") : DemoIdeaStep(At);

/// <summary>A measured value of the KPI named <see cref="Kpi"/>, dated the day it is recorded.</summary>
internal sealed record Measure(double At, string Kpi, decimal Value, string By, string? Note = null) : DemoIdeaStep(At);

/// <summary>A partner member applies with a Markdown proposal.</summary>
internal sealed record Apply(double At, string Member, string Proposal) : DemoIdeaStep(At);

/// <summary>A facilitator accepts or declines a partner's application.</summary>
internal sealed record Decide(double At, string PartnerKey, bool Accept, string? Reason = null, string By = "facilitator") : DemoIdeaStep(At);

/// <summary>Who runs the pilot: a partner accepted on the idea, or the town when <see cref="PartnerKey"/> is null.</summary>
internal sealed record SetOperator(double At, string? PartnerKey, string By = "facilitator") : DemoIdeaStep(At);

/// <summary>Closed as declined or on hold, with the reason that stays public.</summary>
internal sealed record Close(double At, IdeaStatus Status, string Reason, string By = "facilitator") : DemoIdeaStep(At);

/// <summary>
/// An idea. One with <see cref="FromChallenge"/> is created by accepting that challenge and takes its title and text; the
/// others are proposed by <see cref="ProposedBy"/> (usually a facilitator framing residents' challenges after a workshop)
/// and challenges are linked to them when accepted.
/// </summary>
internal sealed record DemoIdea(
    string Key,
    string Category,
    string Title,
    string Summary,
    string ProposedBy,
    double At,
    int Voters,
    DemoIdeaStep[] Steps,
    DemoComment[]? Comments = null,
    string? FromChallenge = null);
