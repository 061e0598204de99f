using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LivingLab.Storage;

/// <summary>JSON payloads of grain state in and out of the store, with the checks both state APIs apply.</summary>
internal static class StatePayloads
{
    public static TState Read<TState>(StoredState stored, string grain, string stateName)
    {
        try
        {
            return JsonSerializer.Deserialize<TState>(stored.Payload, StateJson.Options) ?? Activator.CreateInstance<TState>();
        }
        catch (JsonException exception)
        {
            throw new CorruptStateException(
                $"The stored state '{stateName}' of grain {grain} is not valid JSON and cannot be read: {exception.Message}",
                exception);
        }
    }

    /// <summary>The JSON of <paramref name="state"/>; throws <see cref="StatePayloadTooLargeException"/> over the limit.</summary>
    public static string Write<TState>(TState state, int limit, string grain, string stateName)
    {
        var payload = JsonSerializer.Serialize(state, StateJson.Options);
        var size = Encoding.UTF8.GetByteCount(payload);
        if (size > limit)
        {
            throw new StatePayloadTooLargeException(
                $"The state '{stateName}' of grain {grain} is {size:N0} bytes; the limit is {limit:N0}. Nothing was written. Keep growing sets (supporters, comments) in rows of their own.");
        }

        return payload;
    }

    public static string? Etag(long version) => version > 0 ? version.ToString(CultureInfo.InvariantCulture) : null;

    public static long Version(string? etag) =>
        etag is null ? 0 : long.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);
}
