using System.Xml;
using System.Xml.Linq;
using LivingLab.ReadModel;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace LivingLab.Storage;

/// <summary>ASP.NET Core Data Protection's key ring in the store's <c>data_protection_keys</c> table, shared by every web node on the store.</summary>
internal sealed partial class StoreXmlRepository(IDataProtectionKeyDatabase database, TimeProvider clock, ILogger<StoreXmlRepository> logger)
    : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenConnection();
        using var command = DbCommands.Create(connection, null,
            "SELECT friendly_name, xml FROM data_protection_keys ORDER BY created_at, friendly_name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(Parse(reader.GetString(0), reader.GetString(1)));
        }

        return elements.AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        // The contract makes the name optional; the table needs one, and a made-up one cannot collide.
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("D") : friendlyName;
        using var connection = database.OpenConnection();
        // Not through SQLite's write gate: a key is written about once in 90 days, and the busy timeout covers a
        // moment's wait for the grain writer. A name already taken means this element was stored before (a retry
        // after a commit whose reply was lost, or a second node storing the same element): the stored one is kept
        // rather than failing the request that needed the key.
        using var command = DbCommands.Create(connection, null,
            "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @at) "
            + "ON CONFLICT (friendly_name) DO NOTHING",
            [("name", name), ("xml", element.ToString(SaveOptions.DisableFormatting)), ("at", ReadModelSql.Time(connection, clock.GetUtcNow()))]);
        if (command.ExecuteNonQuery() == 0)
        {
            LogAlreadyStored(name);
        }
    }

    private static XElement Parse(string name, string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"data_protection_keys row '{name}' does not hold an XML element: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection element {FriendlyName} was already stored; the stored one is kept")]
    private partial void LogAlreadyStored(string friendlyName);
}
