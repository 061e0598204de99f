using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using LivingLab.Storage;

namespace LivingLab.ReadModel;

/// <summary>Reads the public payloads of stored events, and writes the JSON that read models keep and serve.</summary>
internal static class EventPayloads
{
    /// <summary>
    /// Web defaults (camelCase) like the runtime's own, plus enums as camelCase names: the runtime writes enums as
    /// numbers today, and a payload read back should not depend on that, while what read models store and serve shows
    /// the API's wire names ("paper", not 0).
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static T Read<T>(StoredEvent storedEvent)
        where T : class =>
        JsonSerializer.Deserialize<T>(storedEvent.Payload, Options)
            ?? throw new InvalidDataException($"Event {storedEvent.Position} ({storedEvent.EventType}) has an empty payload.");

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
