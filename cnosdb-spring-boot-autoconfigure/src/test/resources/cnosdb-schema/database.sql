-- The database; its retention comes from the environment.
CREATE DATABASE IF NOT EXISTS "${cnosdb.database}" WITH TTL '${app.ttl:3650d}';
