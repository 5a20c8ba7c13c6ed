SELECT 1;
DROP DATABASE ${cnosdb.database};
