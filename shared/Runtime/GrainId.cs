namespace LivingLab.Runtime;

/// <summary>A grain's identity: its interface type and key. One activation per identity per process.</summary>
public readonly record struct GrainId(Type Interface, string Key)
{
    /// <summary>The interface's full name, as stored in state rows, events and reminders.</summary>
    public string TypeName => Interface.FullName ?? Interface.Name;

    public override string ToString() => $"{Interface.Name}/{Key}";
}
