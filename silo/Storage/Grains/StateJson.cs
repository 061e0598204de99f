using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace LivingLab.Storage;

/// <summary>JSON settings for stored state and events: tolerant of added and removed fields.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Keep Japanese readable in the store; HTML-sensitive characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
