-- ASP.NET Core Data Protection's key ring (silo/Storage/DataProtection/StoreXmlRepository.cs), in the store so that
-- every web node on it reads the same keys: a sign-in cookie or antiforgery token made by one node is read by all.
-- friendly_name is Data Protection's name for the element ("key-<guid>", "revocation-…"); xml is the element as Data
-- Protection hands it over, which holds the key material unencrypted unless the operator adds ProtectKeysWith…
-- (docs/OPERATIONS.md).
CREATE TABLE data_protection_keys (
    friendly_name text NOT NULL PRIMARY KEY,
    xml text NOT NULL,
    created_at timestamptz NOT NULL
);
