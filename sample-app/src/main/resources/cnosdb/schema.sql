-- The sample's schema, run by the starter at startup (cnosdb.schema.locations), in the
-- sample's database: CnosDB runs CREATE DATABASE in a database that does not exist yet.
-- Placeholders are resolved from the application's properties and quoted where they stand.

-- Readings are kept for sample.ttl, a CnosDB duration such as 30d or 1y.
CREATE DATABASE IF NOT EXISTS "${cnosdb.database}" WITH TTL '${sample.ttl:30d}';

-- One row per reading; a station's name is a tag.
CREATE TABLE IF NOT EXISTS air (
    visibility DOUBLE,
    temperature DOUBLE,
    pressure DOUBLE,
    TAGS(station)
);
