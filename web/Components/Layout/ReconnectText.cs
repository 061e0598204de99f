namespace LivingLab.Web.Components.Layout;

/// <summary>Anchor type for the reconnect status's strings (Resources/Components/Layout/ReconnectText(.en).resx).</summary>
public sealed class ReconnectText;
