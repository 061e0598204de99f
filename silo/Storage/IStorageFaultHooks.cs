namespace LivingLab.Storage;

/// <summary>Test seam: lets a test throw between a write's state row (and row changes) and its events, inside the transaction.</summary>
internal interface IStorageFaultHooks
{
    /// <summary>Runs after the state row and the row changes are written and before the events are appended; throwing aborts that write.</summary>
    Func<StateWrite, Task>? BeforeEventAppend { get; set; }
}
