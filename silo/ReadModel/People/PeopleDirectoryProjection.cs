using System.Data.Common;
using LivingLab.People;
using LivingLab.Storage;

namespace LivingLab.ReadModel.People;

/// <summary>
/// people_directory: every account with its roles and partner organisation, from the person events, for the admin's list
/// of people. Events name a person by id only (ARCHITECTURE.md); the display name is filled in by
/// <see cref="PeopleDirectory"/>, which asks the person grain outside the runner's transaction (a grain call from inside
/// it could wait on a grain that waits for the same database lock).
/// </summary>
public sealed class PeopleDirectoryProjection : IProjection
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
        var registered = storedEvent.EventType == Registered;
        var roles = PeopleDirectory.StoredRoles(registered ? [Roles.Resident] : changed.Roles ?? [Roles.Resident]);

        // A role change with no registration row before it (a store cut short) still lists the person.
        await ReadModelSql.ExecuteAsync(connection, transaction,
            "INSERT INTO people_directory (id, registered_at, roles, partner_id) VALUES (@id, @at, @roles, @partner) "
            + (registered ? "ON CONFLICT (id) DO NOTHING" : "ON CONFLICT (id) DO UPDATE SET roles = excluded.roles, partner_id = excluded.partner_id"),
            cancellationToken,
            ("id", personId), ("at", ReadModelSql.Time(connection, storedEvent.OccurredAt)), ("roles", roles),
            ("partner", registered ? null : changed.PartnerId));
    }

    public Task ResetAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ReadModelSql.ExecuteAsync(connection, transaction, "DELETE FROM people_directory", cancellationToken);

    /// <summary>The payload of PersonRegistered ({personId}) and PersonRolesChanged ({personId, roles, partnerId}).</summary>
    private sealed record PersonEvent(string? PersonId, IReadOnlyList<string>? Roles, string? PartnerId);
}
