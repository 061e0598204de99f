using System.Globalization;
using LivingLab.Ideas;
using LivingLab.Partners;
using LivingLab.Pipeline;
using Orleans;

namespace LivingLab.Web.Api.Ideas;

/// <summary>Builds API responses from idea records: people and partners by name, stages as wire names, gate rows with their texts.</summary>
internal static class IdeaViews
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    public static async Task<IdeaResponse> Idea(IdeaDetails d, HttpContext context, IGrainFactory grains)
    {
        var people = new PersonNames(grains).Prefetch(
            [d.CreatedBy, .. d.Measurements.Select(m => m.RecordedBy), .. d.Applications.Select(a => a.ApplicantId)]);
        var partners = await PartnerNames(grains, d);

        var measurements = await Task.WhenAll(d.Measurements.Select(m => Measurement(m, people)));
        var kpis = d.Kpis.Select(k => new KpiResponse(k.Id, k.Name, k.Unit, k.Baseline, k.Target,
            measurements.Where(m => m.KpiId == k.Id).OrderBy(m => m.Date, StringComparer.Ordinal).ToArray())).ToArray();
        var applications = await Task.WhenAll(d.Applications.Select(a => Application(a, people, partners)));
        var op = new OperatorResponse(
            OperatorKindNames.Format(d.Operator.Kind),
            d.Operator is { Kind: OperatorKind.Partner, PartnerId: { } partnerId } ? Partner(partnerId, partners) : null);

        return new IdeaResponse(
            d.Id, d.Title, d.Summary, d.Category,
            StageWireNames.Format(d.Stage), IdeaStatusWireNames.Format(d.Status), d.StatusReason,
            await people.Get(d.CreatedBy), d.Created, d.StageEntered, d.ChallengeIds, op, kpis,
            d.AcceptedPartnerIds.Select(p => Partner(p, partners)).ToArray(), applications, d.WelcomesPartners,
            d.VoteCount, d.FollowerCount, d.CommentCount,
            d.NextStage is { } next ? StageWireNames.Format(next) : null,
            d.NextGate.Select(c => new GateConditionResponse(c.Code, c.Met, c.Field, c.Values ?? NoValues,
                Problems.Describe(context, c.Code, c.Field, c.Values, c.Met))).ToArray(),
            d.VotedByCaller, d.FollowedByCaller);
    }

    public static async Task<MeasurementResponse> Measurement(RecordedMeasurement m, PersonNames people) =>
        new(m.Id, m.KpiId, m.Value, Date(m.Date), m.Note, await people.Get(m.RecordedBy), m.Recorded);

    public static async Task<PartnerApplicationResponse> Application(PartnerApplication a, PersonNames people, IReadOnlyDictionary<string, string> partners) =>
        new(a.Id, Partner(a.PartnerId, partners), await people.Get(a.ApplicantId), a.Proposal, a.Submitted,
            ApplicationStatusNames.Format(a.Status), a.DecisionReason, a.Decided);

    public static KpiResponse Kpi(Kpi k) => new(k.Id, k.Name, k.Unit, k.Baseline, k.Target, []);

    /// <summary>Every partner's public name, from the directory (one small list; see IPartnerDirectoryGrain).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PartnerNames(IGrainFactory grains, IdeaDetails? idea = null)
    {
        if (idea is not null && idea.AcceptedPartnerIds.Count == 0 && idea.Applications.Count == 0 && idea.Operator.Kind != OperatorKind.Partner)
        {
            return NoValues;
        }

        var all = await grains.GetGrain<IPartnerDirectoryGrain>(IPartnerDirectoryGrain.Key).List();
        return all.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
    }

    public static PartnerRef Partner(string id, IReadOnlyDictionary<string, string> names) => new(id, names.GetValueOrDefault(id));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
