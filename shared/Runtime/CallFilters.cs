namespace LivingLab.Runtime;

/// <summary>Sees every incoming grain call: the one place for logging, metrics and the caller's identity.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles the call; must call <see cref="IIncomingGrainCallContext.Invoke"/> to let it through.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>One incoming call as a filter sees it.</summary>
public interface IIncomingGrainCallContext
{
    /// <summary>The grain being called.</summary>
    GrainId TargetId { get; }

    /// <summary>The grain instance.</summary>
    object Grain { get; }

    /// <summary>The request, with its method and arguments.</summary>
    GrainRequest Request { get; }

    /// <summary>The called method's name.</summary>
    string MethodName => Request.MethodName;

    /// <summary>The call's result once <see cref="Invoke"/> has completed; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the grain method itself.</summary>
    Task Invoke();
}
