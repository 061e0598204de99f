using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LivingLab.Storage;

/// <summary>Keeps Data Protection's key ring in the store: <c>services.AddDataProtection().PersistKeysToLivingLabStore()</c>.</summary>
public static class StoreDataProtectionExtensions
{
    /// <summary>
    /// Reads and writes the key ring through the store that <c>AddLivingLabStore</c> registered, so every node on one
    /// store protects and unprotects with the same keys. The keys are written as Data Protection gives them, which is
    /// unencrypted unless a <c>ProtectKeysWith…</c> call is added to the same builder.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToLivingLabStore(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<StoreXmlRepository>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<StoreXmlRepository>((options, repository) => options.XmlRepository = repository);
        return builder;
    }
}
