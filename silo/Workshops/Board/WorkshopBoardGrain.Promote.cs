using System.Text;
using LivingLab.Challenges;
using LivingLab.Common;
using LivingLab.Ideas;
using LivingLab.Storage;

namespace LivingLab.Workshops.Board;

/// <summary>Promoting a note or a cluster into an idea or a challenge (the board calls them; they never call back).</summary>
public sealed partial class WorkshopBoardGrain
{
    public async Task<CommandResult<BoardOutcome>> PromoteAsync(PromoteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rows.LoadAsync(state);
        if (CheckStaff() is { } refused)
        {
            return new CommandResult<BoardOutcome>(null, refused);
        }

        if (CheckSource(input, out var text) is { } missing)
        {
            return new CommandResult<BoardOutcome>(null, missing);
        }

        if (input.Target != PromoteTarget.NewIdea && !Ids.IsWellFormed(input.TargetId))
        {
            return CommandResult<BoardOutcome>.Reject("notFound", "targetId");
        }

        var workshop = await GrainFactory.GetGrain<IWorkshopGrain>(Id).GetAsync();
        if (workshop is null)
        {
            return CommandResult<BoardOutcome>.Reject("notFound");
        }

        var from = new WorkshopContribution(Id, workshop.Title, input.SourceId!, text);
        var outcome = input.Target switch
        {
            PromoteTarget.NewIdea => new BoardOutcome(PromoteTarget.NewIdea, Ids.For("workshop-idea", Id, input.SourceId!)),
            _ => new BoardOutcome(input.Target, input.TargetId!),
        };
        var answer = input.Target switch
        {
            PromoteTarget.NewIdea => (await GrainFactory.GetGrain<IIdeaGrain>(outcome.TargetId)
                .CreateFromWorkshopAsync(new IdeaInput(input.Title, input.Summary, input.Category), from)).Rejection,
            PromoteTarget.Idea => (await GrainFactory.GetGrain<IIdeaGrain>(outcome.TargetId).AddWorkshopContributionAsync(from)).Rejection,
            _ => (await GrainFactory.GetGrain<IChallengeGrain>(outcome.TargetId).AddWorkshopContributionAsync(from)).Rejection,
        };
        if (answer is not null)
        {
            return new CommandResult<BoardOutcome>(null, answer);
        }

        // Read again after the calls: interleaved dots may have changed the note's row meanwhile.
        var changes = new List<RowChange>();
        if (input.Kind == BoardSourceKind.Note)
        {
            var note = rows.Notes[input.SourceId!];
            if (note.LedTo?.Contains(outcome) == true)
            {
                return CommandResult<BoardOutcome>.Success(outcome);
            }

            changes.Add(rows.PutNote(input.SourceId!, note with { LedTo = [.. note.LedTo ?? [], outcome] }));
        }
        else
        {
            var cluster = S.Clusters.Find(c => c.Id == input.SourceId)!;
            if (cluster.LedTo.Contains(outcome))
            {
                return CommandResult<BoardOutcome>.Success(outcome);
            }

            cluster.LedTo.Add(outcome);
        }

        await CommitAsync([Event(BoardEvents.Promoted, new BoardPromotedEvent(
            Id, input.Kind == BoardSourceKind.Note ? "note" : "cluster", input.SourceId!, TargetName(outcome.Target), outcome.TargetId))], changes);
        return CommandResult<BoardOutcome>.Success(outcome);
    }

    // The words handed over: a note's text, or a cluster's title and its visible notes in board order.
    private Rejection? CheckSource(PromoteInput input, out string text)
    {
        text = "";
        if (input.Kind == BoardSourceKind.Note)
        {
            if (input.SourceId is null || !rows.Notes.TryGetValue(input.SourceId, out var note))
            {
                return new Rejection("noteNotFound", "sourceId");
            }

            if (note.Hidden)
            {
                return new Rejection("noteHidden", "sourceId");
            }

            text = note.Text;
            return null;
        }

        if (S.Clusters.Find(c => c.Id == input.SourceId) is not { } cluster)
        {
            return new Rejection("clusterNotFound", "sourceId");
        }

        var words = new StringBuilder(cluster.Title);
        foreach (var member in rows.Notes.Where(n => n.Value.ClusterId == cluster.Id && !n.Value.Hidden)
            .OrderBy(n => n.Value.Position).ThenBy(n => n.Key, StringComparer.Ordinal))
        {
            words.Append("\n- ").Append(member.Value.Text);
        }

        text = words.Length > WorkshopRules.MaxContributionLength ? words.ToString(0, WorkshopRules.MaxContributionLength) : words.ToString();
        return null;
    }

    private static string TargetName(PromoteTarget target) => target switch
    {
        PromoteTarget.NewIdea => "newIdea",
        PromoteTarget.Idea => "idea",
        _ => "challenge",
    };
}
