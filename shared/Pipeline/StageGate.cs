using System.Globalization;
using LivingLab.Common;

namespace LivingLab.Pipeline;

/// <summary>
/// The stage-gate rules, as pure functions the idea grain, the API and the pages all share.
/// <list type="bullet">
/// <item>An open idea moves forward one stage through that stage's gate, or back one stage with no gate: going back
/// is how a team admits it needs more research, and 失敗を責めてはなりませぬ says that must stay cheap.</item>
/// <item>Entering pilot needs an operator (the town, or a partner accepted on the idea) and at least one KPI, every
/// KPI with name, unit, baseline and target. Entering rollout needs at least one KPI and a measurement of every KPI.
/// Discovery, research and service planning have no gate of their own.</item>
/// <item>Every move needs a rationale (1–2,000 characters) and may cite up to 10 absolute http(s) evidence links.</item>
/// <item>Closing (declined / on hold) is a separate command with a reason (<see cref="CheckClose(GateInput, IdeaStatus, string?)"/>).
/// A closed idea cannot move. It is reopened by a "move" to the stage it is in, with a rationale like any move;
/// reopening passes no gate because the idea already passed the gate of that stage, and from there it moves on
/// through the normal gates. Reopening in place, rather than anywhere, keeps the public timeline honest.</item>
/// </list>
/// Characters are counted as Unicode scalar values, so an emoji or a rare kanji counts once, and anything a browser's
/// maxlength (which counts UTF-16 units) lets through also passes here.
/// </summary>
public static class StageGate
{
    /// <summary>The longest rationale for a move, in characters.</summary>
    public const int MaxRationaleLength = 2_000;

    /// <summary>The longest reason for closing an idea, in characters.</summary>
    public const int MaxCloseReasonLength = 2_000;

    /// <summary>The most evidence links one move may cite.</summary>
    public const int MaxEvidenceLinks = 10;

    /// <summary>The longest evidence link, in characters.</summary>
    public const int MaxEvidenceUrlLength = LinkRules.MaxLength;

    /// <summary>
    /// Whether the idea may move to <paramref name="to"/>, ignoring the rationale: every missing condition is listed
    /// ("invalidStage", "ideaClosed", "sameStage", "notAdjacentStage", or the unmet conditions of the gate).
    /// </summary>
    public static GateResult Check(GateInput idea, Stage to)
    {
        ArgumentNullException.ThrowIfNull(idea);
        if (!Enum.IsDefined(to))
        {
            return Refuse("invalidStage", "toStage");
        }

        if (idea.Status != IdeaStatus.Open)
        {
            return to == idea.Stage
                ? GateResult.Passed
                : Refuse("ideaClosed", "toStage", ("status", IdeaStatusWireNames.Format(idea.Status)));
        }

        if (to == idea.Stage)
        {
            return Refuse("sameStage", "toStage", ("stage", StageWireNames.Format(to)));
        }

        var step = (int)to - (int)idea.Stage;
        if (step is not (1 or -1))
        {
            return Refuse("notAdjacentStage", "toStage", ("from", StageWireNames.Format(idea.Stage)), ("to", StageWireNames.Format(to)));
        }

        if (step == -1)
        {
            return GateResult.Passed;
        }

        var unmet = GateChecklist(idea, to).Where(c => !c.Met).Select(c => new Rejection(c.Code, c.Field, c.Values)).ToArray();
        return unmet.Length == 0 ? GateResult.Passed : new GateResult(unmet);
    }

    /// <summary>The full check of a move command: the gate and the rationale with its evidence, all missing conditions together.</summary>
    public static GateResult CheckMove(GateInput idea, Stage to, string? rationale, IReadOnlyList<string?>? evidence) =>
        Check(idea, to).And(CheckRationale(rationale, evidence));

    /// <summary>
    /// The rationale and evidence every move carries: a rationale of 1–2,000 characters, and 0–10 evidence links, each
    /// an absolute http(s) URL of at most 2,000 characters with a host and no user name (so "https://town.example@evil.example"
    /// cannot pose as the town's site).
    /// </summary>
    public static GateResult CheckRationale(string? rationale, IReadOnlyList<string?>? evidence)
    {
        var missing = new List<Rejection>();
        AddTextRule(missing, rationale, "rationale", MaxRationaleLength);

        evidence ??= [];
        if (evidence.Count > MaxEvidenceLinks)
        {
            missing.Add(new Rejection("tooMany", "evidence", Values(("limit", Number(MaxEvidenceLinks)))));
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            var url = evidence[i];
            if (url is not null && url.Length > MaxEvidenceUrlLength)
            {
                missing.Add(new Rejection("tooLong", "evidence", Values(("index", Number(i)), ("limit", Number(MaxEvidenceUrlLength)))));
            }
            else if (!LinkRules.IsSafeLink(url))
            {
                missing.Add(new Rejection("invalidUrl", "evidence", Values(("index", Number(i)))));
            }
        }

        return missing.Count == 0 ? GateResult.Passed : new GateResult(missing);
    }

    /// <summary>The reason for closing an idea: required, at most 2,000 characters.</summary>
    public static GateResult CheckClose(string? reason)
    {
        var missing = new List<Rejection>();
        AddTextRule(missing, reason, "reason", MaxCloseReasonLength);
        return missing.Count == 0 ? GateResult.Passed : new GateResult(missing);
    }

    /// <summary>
    /// Closing an idea as declined or on hold, from any stage. An open idea can be closed, and a closed one can switch
    /// between declined and on hold (a paused idea may later be declined); "closing" into the status it already has,
    /// or into open, is refused: reopening is a move (see <see cref="Check"/>).
    /// </summary>
    public static GateResult CheckClose(GateInput idea, IdeaStatus to, string? reason)
    {
        ArgumentNullException.ThrowIfNull(idea);
        var status = to is IdeaStatus.Declined or IdeaStatus.OnHold
            ? to == idea.Status ? Refuse("sameStatus", "status", ("status", IdeaStatusWireNames.Format(to))) : GateResult.Passed
            : Refuse("invalidStatus", "status");
        return status.And(CheckClose(reason));
    }

    /// <summary>
    /// Every condition of entering <paramref name="next"/>, met or not, for the checklist the idea page shows before a
    /// facilitator moves it. Stages without a gate have an empty list. Adjacency and status are not conditions of the
    /// stage, so they are left to <see cref="Check"/>.
    /// </summary>
    public static IReadOnlyList<GateCondition> GateChecklist(GateInput idea, Stage next)
    {
        ArgumentNullException.ThrowIfNull(idea);
        return next switch
        {
            Stage.Pilot => [OperatorCondition(idea), KpiExistsCondition(idea), .. idea.Kpis.Select(KpiCompleteCondition)],
            Stage.Rollout => [KpiExistsCondition(idea), .. idea.Kpis.Select(k => KpiMeasuredCondition(idea, k))],
            _ => [],
        };
    }

    private static GateCondition OperatorCondition(GateInput idea)
    {
        var op = idea.Operator ?? IdeaOperator.None;
        return op.Kind switch
        {
            OperatorKind.Town => new GateCondition("operatorRequired", true, "operator"),
            OperatorKind.Partner when !string.IsNullOrEmpty(op.PartnerId) =>
                idea.AcceptedPartnerIds.Contains(op.PartnerId, StringComparer.Ordinal)
                    ? new GateCondition("operatorRequired", true, "operator")
                    // A partner that was named but never accepted (or was removed) must not run a pilot in the town's name.
                    : new GateCondition("operatorNotAccepted", false, "operator", Values(("partnerId", op.PartnerId))),
            _ => new GateCondition("operatorRequired", false, "operator"),
        };
    }

    private static GateCondition KpiExistsCondition(GateInput idea) => new("kpiRequired", idea.Kpis.Count > 0, "kpis");

    private static GateCondition KpiCompleteCondition(Kpi kpi)
    {
        var missing = new List<string>(4);
        if (string.IsNullOrWhiteSpace(kpi.Name)) missing.Add("name");
        if (string.IsNullOrWhiteSpace(kpi.Unit)) missing.Add("unit");
        if (kpi.Baseline is null) missing.Add("baseline");
        if (kpi.Target is null) missing.Add("target");
        return new GateCondition("kpiIncomplete", missing.Count == 0, "kpis", KpiValues(kpi, ("missing", string.Join(',', missing))));
    }

    private static GateCondition KpiMeasuredCondition(GateInput idea, Kpi kpi) =>
        new("kpiMeasurementMissing", idea.Measurements.Any(m => m.KpiId == kpi.Id), "kpis", KpiValues(kpi));

    private static Dictionary<string, string> KpiValues(Kpi kpi, params (string Key, string Value)[] more) =>
        Values([("kpiId", kpi.Id), ("kpiName", kpi.Name ?? ""), .. more]);

    private static void AddTextRule(List<Rejection> missing, string? text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            missing.Add(new Rejection("required", field));
        }
        else if (IsLongerThan(text, max))
        {
            missing.Add(new Rejection("tooLong", field, Values(("limit", Number(max)))));
        }
    }

    private static bool IsLongerThan(string text, int max)
    {
        // UTF-16 length is an upper bound on the scalar count, so ordinary text skips the walk.
        if (text.Length <= max)
        {
            return false;
        }

        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            if (++count > max)
            {
                return true;
            }
        }

        return false;
    }

    private static GateResult Refuse(string code, string field, params (string Key, string Value)[] values) =>
        new([new Rejection(code, field, values.Length == 0 ? null : Values(values))]);

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
