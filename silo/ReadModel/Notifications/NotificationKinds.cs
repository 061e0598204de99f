namespace LivingLab.ReadModel.Notifications;

/// <summary>What a notification tells of (the <c>kind</c> column); its <c>data</c> JSON holds the details named here.</summary>
public static class NotificationKinds
{
    /// <summary>A challenge was taken into the pipeline. Data: ideaId.</summary>
    public const string ChallengeAccepted = "challengeAccepted";

    /// <summary>A challenge was declined. Data: reason.</summary>
    public const string ChallengeDeclined = "challengeDeclined";

    /// <summary>A challenge was merged into another. Data: intoId.</summary>
    public const string ChallengeMerged = "challengeMerged";

    /// <summary>An idea moved to another stage, or was reopened. Data: from, to, reopened.</summary>
    public const string IdeaAdvanced = "ideaAdvanced";

    /// <summary>An idea was declined or put on hold. Data: stage, status, reason.</summary>
    public const string IdeaClosed = "ideaClosed";

    /// <summary>Someone replied to the person's comment. Data: commentId.</summary>
    public const string Reply = "reply";

    /// <summary>The person's partner application was decided. Data: accepted, reason (for a decline).</summary>
    public const string ApplicationDecided = "applicationDecided";

    /// <summary>A seat freed up and the person, first on the waiting list, now has it. No data.</summary>
    public const string WorkshopPromoted = "workshopPromoted";

    /// <summary>The facilitator fixed the date of a workshop whose poll the person answered. Data: startsAt, endsAt.</summary>
    public const string WorkshopScheduled = "workshopScheduled";

    /// <summary>A workshop the person registered for (or waited for) was called off. Data: reason.</summary>
    public const string WorkshopCancelled = "workshopCancelled";
}

/// <summary>Why a person is in an item's audience (the <c>role</c> column of notification_audience).</summary>
public static class AudienceRoles
{
    public const string Author = "author";
    public const string Supporter = "supporter";
    public const string Voter = "voter";
    public const string Follower = "follower";
}
