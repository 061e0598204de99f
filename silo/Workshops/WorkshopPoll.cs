namespace LivingLab.Workshops;

/// <summary>How a workshop's date poll is shown: counts per slot for everyone, every answer for staff.</summary>
internal static class WorkshopPoll
{
    /// <summary>The poll as <paramref name="viewerId"/> sees it.</summary>
    public static PollView View(WorkshopState state, IReadOnlyDictionary<string, PollAnswerRow> answers, string? viewerId, bool staff)
    {
        var slots = state.PollSlots.Select(slot =>
        {
            var marks = answers.Values.Select(a => a.Marks.TryGetValue(slot.Id, out var m) ? m : (PollMark?)null).ToList();
            return new PollSlot(slot.Id, slot.StartsAt, slot.EndsAt,
                marks.Count(m => m == PollMark.Yes), marks.Count(m => m == PollMark.Maybe), marks.Count(m => m == PollMark.No));
        }).ToList();
        var mine = viewerId is not null && answers.TryGetValue(viewerId, out var own) ? Answer(viewerId, own) : null;
        // Oldest answer first, as a 調整さん table lists them.
        IReadOnlyList<PollAnswer>? all = staff ? [.. answers.OrderBy(a => a.Value.At).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => Answer(a.Key, a.Value))] : null;
        return new PollView(slots, answers.Count, mine, all, state.FixedSlotId);
    }

    private static PollAnswer Answer(string personId, PollAnswerRow row) =>
        new(personId, new Dictionary<string, PollMark>(row.Marks, StringComparer.Ordinal), row.Comment, row.At);
}

/// <summary>One stored answer to the date poll: a mark per slot id, the comment, and when it was given.</summary>
internal sealed record PollAnswerRow(Dictionary<string, PollMark> Marks, string Comment, DateTimeOffset At);
