using LivingLab.Common;
using LivingLab.Workshops;

namespace LivingLab.Demo;

/// <summary>The demo town's workshops: created, registered for, polled, recorded and rated, each at its moment.</summary>
public sealed partial class DemoTownSeeder
{
    /// <summary>The demo id of a workshop.</summary>
    internal static string WorkshopId(string key) => Ids.For("workshop", "demo", key);

    private sealed partial class Run
    {
        private void PlanWorkshop(DemoWorkshop w)
        {
            var grain = Grains.GetGrain<IWorkshopGrain>(WorkshopId(w.Key));
            Add(w.Created, $"workshop {w.Key}", () => CreateWorkshopAsync(grain, w));
            for (var i = 0; i < w.Registrants.Length; i++)
            {
                var person = w.Registrants[i];
                var at = w.RegisterFrom - ((w.RegisterFrom - w.RegisterUntil) * i / Math.Max(1, w.Registrants.Length - 1));
                Add(at, $"register {person} for {w.Key}", () => RegisterAsync(grain, person));
            }

            if (w.Poll is { } poll)
            {
                Add(poll.OpenedAt, $"poll for {w.Key}", () => OpenPollAsync(grain, w, poll));
                foreach (var answer in poll.Answers)
                {
                    Add(answer.At, $"poll answer by {answer.Person} for {w.Key}", () => AnswerPollAsync(grain, answer));
                }
            }

            if (w.Record is { } record)
            {
                Add(record.At, $"minutes of {w.Key}", () => RecordAsync(grain, record));
                for (var i = 0; i < record.Feedback.Length; i++)
                {
                    var feedback = record.Feedback[i];
                    Add(record.At - (0.05 * (i + 1)), $"feedback by {feedback.Person} on {w.Key}", () => GiveFeedbackAsync(grain, feedback));
                }
            }
        }

        /// <summary><paramref name="hour"/> Japan time, <paramref name="days"/> whole days after the anchor's date.</summary>
        private DateTimeOffset OnDay(int days, double hour) => new DateTimeOffset(anchor.ToOffset(Jst).Date, Jst).AddDays(days).AddHours(hour);

        private async Task CreateWorkshopAsync(IWorkshopGrain grain, DemoWorkshop w)
        {
            As("facilitator");
            DateTimeOffset? starts = w.DayFromAnchor is { } day ? OnDay(day, w.StartHour) : null;
            var input = new WorkshopInput(w.Title, w.Description, w.Stage, [.. w.ChallengeKeys.Select(ChallengeId)],
                [.. w.IdeaKeys.Select(k => IdeaId(ideas[k]))], w.Place, w.OnlineUrl, w.Capacity, w.GuestsAllowed, starts, starts?.AddHours(w.Hours));
            Expect(await grain.CreateAsync(input), $"create workshop {w.Key}", "alreadyExists");
        }

        private async Task RegisterAsync(IWorkshopGrain grain, string personKey)
        {
            As(personKey);
            // Registering again answers with the registration as it stands, so a rerun is harmless.
            Expect(await grain.RegisterAsync(), $"register {personKey}");
        }

        private async Task OpenPollAsync(IWorkshopGrain grain, DemoWorkshop w, DemoPoll poll)
        {
            As("facilitator");
            var slots = poll.SlotDays.Select(d => new PollSlotInput(OnDay(d, w.StartHour), OnDay(d, w.StartHour).AddHours(w.Hours))).ToList();
            Expect(await grain.OpenPollAsync(slots), $"open the poll of {w.Key}", "pollAnswered");
        }

        private async Task AnswerPollAsync(IWorkshopGrain grain, DemoPollAnswer answer)
        {
            var slots = (await grain.GetPollAsync())?.Slots
                ?? throw new InvalidOperationException("Demo town: a poll answer before its poll.");
            As(answer.Person);
            var marks = slots.Zip(answer.Marks).ToDictionary(p => p.First.Id, p => p.Second, StringComparer.Ordinal);
            Expect(await grain.AnswerPollAsync(new PollAnswerInput(marks, answer.Comment)), $"answer the poll as {answer.Person}");
        }

        private async Task RecordAsync(IWorkshopGrain grain, DemoRecord record)
        {
            As("facilitator");
            Expect(await grain.RecordAsync(new WorkshopRecordInput(record.Minutes, record.RecordingUrl)), "keep the minutes");
        }

        private async Task GiveFeedbackAsync(IWorkshopGrain grain, (string Person, int Rating, string Comment) feedback)
        {
            As(feedback.Person);
            Expect(await grain.GiveFeedbackAsync(new FeedbackInput(feedback.Rating, feedback.Comment)), $"give feedback as {feedback.Person}");
        }
    }
}
