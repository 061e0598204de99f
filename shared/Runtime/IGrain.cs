namespace LivingLab.Runtime;

/// <summary>Marker for grain interfaces, as in Orleans.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a GUID key (stored as its "D" string form).</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>Marker for objects that receive notifications from grains (live updates).</summary>
public interface IGrainObserver;
