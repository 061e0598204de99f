namespace LivingLab.Runtime;

/// <summary>Runs a call through the registered filters, then the grain method.</summary>
internal sealed class IncomingCallContext(ActivationData activation, GrainRequest request, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int next;

    public GrainId TargetId => activation.Id;

    public object Grain => activation.Instance!;

    public GrainRequest Request => request;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (next < filters.Length)
        {
            await filters[next++].Invoke(this);
            return;
        }

        var task = request.InvokeGrain(Grain);
        await task;
        Result = request.ResultOf(task);
    }
}
