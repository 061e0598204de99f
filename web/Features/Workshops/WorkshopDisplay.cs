using LivingLab.Workshops;
using Microsoft.Extensions.Localization;

namespace LivingLab.Web.Features.Workshops;

/// <summary>How the public workshop pages name things: addresses, status, seats, the best slot of a date poll.</summary>
public static class WorkshopDisplay
{
    /// <summary>The page of one workshop, relative to the base address.</summary>
    public static string Url(string id) => $"workshops/{id}";

    /// <summary>The status in the page's language.</summary>
    public static string StatusName(IStringLocalizer<WorkshopsText> texts, WorkshopStatus status) => texts[$"Status.{status}"];

    /// <summary>"3 of 20 seats left", or "full, 2 waiting" once every seat is taken.</summary>
    public static string Seats(IStringLocalizer<WorkshopsText> texts, int capacity, int registered, int waiting) =>
        registered >= capacity
            ? (waiting > 0 ? texts["FullWaiting", waiting] : texts["Full"])
            : texts["SeatsLeft", capacity - registered, capacity];

    /// <summary>
    /// The slot most can make: most ○, then most △; null while nobody has marked ○ or △ (a table of × has no best).
    /// Ties keep the earlier slot, as people read the table from the top.
    /// </summary>
    public static string? BestSlot(IReadOnlyList<PollSlot> slots)
    {
        PollSlot? best = null;
        foreach (var slot in slots)
        {
            if (slot.Yes + slot.Maybe == 0)
            {
                continue;
            }

            if (best is null || slot.Yes > best.Yes || (slot.Yes == best.Yes && slot.Maybe > best.Maybe))
            {
                best = slot;
            }
        }

        return best?.Id;
    }
}
