-- ASP.NET Core Data Protection's key ring (silo/Storage/DataProtection/StoreXmlRepository.cs), in the store so that
-- every web node on it reads the same keys: a sign-in cookie or antiforgery token made by one node is read by all.
-- friendly_name is Data Protection's name for the element ("key-<guid>", "revocation-…"); xml is the element as Data
-- Protection hands it over, which holds the key material unencrypted unless the operator adds ProtectKeysWith…
-- (docs/OPERATIONS.md). created_at is UTC ISO-8601 text with microseconds, like every other time in this file.
CREATE TABLE data_protection_keys (
    friendly_name TEXT NOT NULL PRIMARY KEY,
    xml TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
