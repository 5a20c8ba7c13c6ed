-- A database, a table and a stream table over it, as down-sampling starts; every name from
-- the environment is quoted where it stands.
CREATE DATABASE IF NOT EXISTS "${cnosdb.database}" WITH TTL '${app.ttl:3650d}' SHARD 1 VNODE_DURATION '7d';

CREATE TABLE IF NOT EXISTS air (
    visibility DOUBLE,
    temperature DOUBLE CODEC(GORILLA),
    pressure DOUBLE,
    TAGS(station)
);

-- New rows of air, for a query such as
-- INSERT INTO air_hourly SELECT date_bin(INTERVAL '1 hour', time, ...) ... FROM air_stream ...;
CREATE STREAM TABLE IF NOT EXISTS air_stream (time TIMESTAMP, station STRING, temperature DOUBLE)
    WITH (db = '${cnosdb.database}', table = 'air', event_time_column = 'time') engine = tskv;
