namespace LivingLab.Pipeline;

/// <summary>The living-lab pipeline every idea moves along, in order.</summary>
[GenerateSerializer]
[Alias("ll.Stage")]
public enum Stage
{
    /// <summary>課題発見: the issue is found and understood.</summary>
    Discovery,

    /// <summary>調査: research into causes and options.</summary>
    Research,

    /// <summary>実証: a pilot with an operator and KPIs.</summary>
    Pilot,

    /// <summary>サービス企画: planning the real service.</summary>
    ServicePlanning,

    /// <summary>サービス展開: the service is rolled out.</summary>
    Rollout,
}
