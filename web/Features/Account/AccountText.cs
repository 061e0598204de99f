namespace LivingLab.Web.Features.Account;

/// <summary>Anchor type for the account pages' strings (Resources/Features/Account/AccountText(.en).resx).</summary>
public sealed class AccountText;
