namespace LivingLab.Storage;

/// <summary>Test seam: lets a test throw between a write's state row and its events, inside the transaction.</summary>
internal interface IStorageFaultHooks
{
    /// <summary>Runs after the state row is written and before its events are appended; throwing aborts that write.</summary>
    Func<StateWrite, Task>? BeforeEventAppend { get; set; }
}
