-- Run after integration.sql: the table exists, and without IF NOT EXISTS the server refuses it.
CREATE TABLE air (visibility DOUBLE, TAGS(station));
