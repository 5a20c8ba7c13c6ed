package io.cnosdb.spring.core;

import java.util.List;

import io.cnosdb.spring.core.ddl.DatabaseOptions;
import io.cnosdb.spring.core.ddl.TableColumn;
import io.cnosdb.spring.core.ddl.TableDefinition;

/**
 * DDL and DCL helpers: databases with their options, tables, users. Names are checked and
 * quoted on the client, so no name can change the statement. Implemented by
 * {@link CnosTemplate}, in its tenant and database.
 */
public interface CnosSchemaOperations {

	/** The databases of the tenant ({@code SHOW DATABASES}). */
	List<String> listDatabases();

	/** The tables of the database ({@code SHOW TABLES}). */
	List<String> listTables();

	/** Creates a database with the server's default options. */
	void createDatabase(String name);

	/**
	 * Creates a database with options: TTL, shards, vnode duration, replicas, precision.
	 */
	void createDatabase(String name, DatabaseOptions options);

	/** Drops a database; fails if it does not exist. */
	void dropDatabase(String name);

	/** Drops a database if it exists. */
	void dropDatabaseIfExists(String name);

	/** Creates a table in the database. */
	void createTable(TableDefinition table);

	/** Drops a table of the database; fails if it does not exist. */
	void dropTable(String name);

	/**
	 * Drops a table of the database if it exists. A "table not found" refusal of the
	 * server (which CnosDB 2.4.2 can give just after the table was dropped) counts as
	 * done when the table is not listed.
	 */
	void dropTableIfExists(String name);

	/** The columns of a table of the database ({@code DESCRIBE TABLE}). */
	List<TableColumn> describeTable(String name);

	/**
	 * Creates a user with a password. The password never appears in a message or log.
	 */
	void createUser(String user, String password);

	/** Sets a user's password. The password never appears in a message or log. */
	void alterUserPassword(String user, String newPassword);

	/** Drops a user; fails if it does not exist. */
	void dropUser(String user);

	/** Drops a user if it exists. */
	void dropUserIfExists(String user);

}
