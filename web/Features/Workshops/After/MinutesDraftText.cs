namespace LivingLab.Web.Features.Workshops.After;

/// <summary>
/// The words of a generated minutes draft in one language. Formats take {0}, {1} as their names say; the caller reads
/// them from <see cref="AfterText"/>, the tests write them out.
/// </summary>
public sealed record MinutesDraftText(
    string Heading,
    string Date,
    string DateOpen,
    string Place,
    string Online,
    string Participants,
    string NotesCount,
    string BoardHeading,
    string NoBoard,
    string Unclustered,
    string EmptyColumn,
    string ResultsHeading,
    string Round,
    string Dots,
    string ClusterDots,
    string NoDots,
    string Decided,
    string NextSteps);
