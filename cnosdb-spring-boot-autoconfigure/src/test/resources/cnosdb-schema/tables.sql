/*
 * Readings of the stations at sea; a station's name is a tag.
 */
CREATE TABLE IF NOT EXISTS air (
    visibility DOUBLE,
    temperature DOUBLE,
    pressure DOUBLE,
    TAGS(station)
);

-- Where the stream table's hourly maxima go; ';' in a comment does not end a statement.
CREATE TABLE IF NOT EXISTS air_hourly (max_temperature DOUBLE, TAGS(station));

-- New rows of air as a stream, for a down-sampling query into air_hourly.
CREATE STREAM TABLE IF NOT EXISTS air_stream (time TIMESTAMP, station STRING, temperature DOUBLE)
    WITH (db = '${cnosdb.database}', table = 'air', event_time_column = 'time') engine = tskv;
