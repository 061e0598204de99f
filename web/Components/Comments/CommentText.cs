namespace LivingLab.Web.Components.Comments;

/// <summary>Anchor type for the comment thread's strings (Resources/Components/Comments/CommentText(.en).resx).</summary>
public sealed class CommentText;
