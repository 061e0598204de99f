using System.Data.Common;
using LivingLab.People;
using LivingLab.Runtime;
using LivingLab.Storage;

namespace LivingLab.ReadModel.People;

/// <summary>
/// people_directory: every account with its roles and partner organisation, from the person events, for the admin's
/// list of people. Events name a person by id only (ARCHITECTURE.md), so the display name is asked of the person grain
/// when an event arrives and kept here for search; a rebuild asks again, and an account that is gone keeps no name.
/// </summary>
public sealed class PeopleDirectoryProjection(IGrainFactory grains) : IProjection
{
    /// <summary>The projection's checkpoint name.</summary>
    public const string ProjectionName = "people-directory";

    // The event types PersonGrain writes (it names them inline, as it owns them).
    internal const string Registered = "PersonRegistered";
    internal const string RolesChanged = "PersonRolesChanged";

    private static readonly string PersonGrainType = typeof(IPersonGrain).FullName!;

    public string Name => ProjectionName;

    public async Task ApplyAsync(StoredEvent storedEvent, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (storedEvent.GrainType != PersonGrainType || storedEvent.EventType is not (Registered or RolesChanged))
        {
            return;
        }

        var changed = EventPayloads.Read<PersonEvent>(storedEvent);
        var personId = changed.PersonId ?? storedEvent.GrainKey;
        var name = await DisplayNameAsync(personId);
        var at = ReadModelSql.Time(connection, storedEvent.OccurredAt);
        if (storedEvent.EventType == Registered)
        {
            await ReadModelSql.ExecuteAsync(connection, transaction,
                "INSERT INTO people_directory (id, registered_at, roles, partner_id, display_name, search_name) "
                + "VALUES (@id, @at, @roles, NULL, @name, @search) ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, search_name = excluded.search_name",
                cancellationToken,
                ("id", personId), ("at", at), ("roles", PeopleDirectory.StoredRoles([Roles.Resident])), ("name", name), ("search", PeopleDirectory.Fold(name)));
            return;
        }

        // A role change before any registration row (a store written before this projection, then cut) still lists the person.
        await ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO people_directory (id, registered_at, roles, partner_id, display_name, search_name) "
            + "VALUES (@id, @at, @roles, @partner, @name, @search) ON CONFLICT (id) DO UPDATE SET roles = excluded.roles, "
            + "partner_id = excluded.partner_id, display_name = excluded.display_name, search_name = excluded.search_name",
            cancellationToken,
            ("id", personId), ("at", at), ("roles", PeopleDirectory.StoredRoles(changed.Roles ?? [Roles.Resident])), ("partner", changed.PartnerId),
            ("name", name), ("search", PeopleDirectory.Fold(name)));
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM people_directory", cancellationToken);

    private async Task<string?> DisplayNameAsync(string personId) =>
        Common.Ids.IsWellFormed(personId) ? (await grains.GetGrain<IPersonGrain>(personId).GetProfile())?.DisplayName : null;

    /// <summary>The payload of PersonRegistered ({personId}) and PersonRolesChanged ({personId, roles, partnerId}).</summary>
    private sealed record PersonEvent(string? PersonId, IReadOnlyList<string>? Roles, string? PartnerId);
}
