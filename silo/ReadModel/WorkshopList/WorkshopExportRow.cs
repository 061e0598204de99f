namespace LivingLab.ReadModel.WorkshopList;

/// <summary>A workshop as the open-data export has it: the public list's facts, the ideas it created and all it led to.</summary>
public sealed record WorkshopExportRow(WorkshopListItem Item, int IdeasCreated, int OutcomeCount);
