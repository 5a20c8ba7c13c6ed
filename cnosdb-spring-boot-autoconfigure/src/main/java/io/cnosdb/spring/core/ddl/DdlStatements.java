package io.cnosdb.spring.core.ddl;

import java.util.StringJoiner;

import io.cnosdb.spring.core.sql.CnosSql;

/**
 * The SQL of the template's DDL helpers. Every name is double-quoted and every string
 * single-quoted, so no argument can change a statement; names of new objects are also
 * checked against what the server refuses or cannot keep ({@link CnosSql#validateName}).
 */
public final class DdlStatements {

	private DdlStatements() {
	}

	public static String createDatabase(String name, DatabaseOptions options) {
		StringBuilder sql = new StringBuilder("CREATE DATABASE ");
		if (options.isIfNotExists()) {
			sql.append("IF NOT EXISTS ");
		}
		sql.append(CnosSql.quoteName("database", CnosSql.validateName("database", name)));
		StringBuilder with = new StringBuilder();
		if (options.getTtl() != null) {
			with.append(" TTL ").append(CnosSql.quoteLiteral(options.getTtl().text()));
		}
		if (options.getShard() != null) {
			with.append(" SHARD ").append(options.getShard());
		}
		if (options.getVnodeDuration() != null) {
			with.append(" VNODE_DURATION ").append(CnosSql.quoteLiteral(options.getVnodeDuration().text()));
		}
		if (options.getReplica() != null) {
			with.append(" REPLICA ").append(options.getReplica());
		}
		if (options.getPrecision() != null) {
			with.append(" PRECISION ").append(CnosSql.quoteLiteral(options.getPrecision().wireValue()));
		}
		if (!with.isEmpty()) {
			sql.append(" WITH").append(with);
		}
		return sql.toString();
	}

	public static String dropDatabase(String name, boolean ifExists) {
		return "DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + CnosSql.quoteName("database", name);
	}

	public static String showDatabases() {
		return "SHOW DATABASES";
	}

	public static String showTables() {
		return "SHOW TABLES";
	}

	public static String createTable(TableDefinition table) {
		StringJoiner columns = new StringJoiner(", ", " (", ")");
		for (TableDefinition.FieldColumn field : table.fields()) {
			String column = CnosSql.quoteName("field", field.name()) + " " + field.type().sql();
			columns.add((field.codec() != null) ? column + " CODEC(" + field.codec().name() + ")" : column);
		}
		if (!table.tags().isEmpty()) {
			StringJoiner tags = new StringJoiner(", ", "TAGS(", ")");
			table.tags().forEach((tag) -> tags.add(CnosSql.quoteName("tag", tag)));
			columns.add(tags.toString());
		}
		return "CREATE TABLE " + (table.ifNotExists() ? "IF NOT EXISTS " : "")
				+ CnosSql.quoteName("table", table.name()) + columns;
	}

	public static String dropTable(String name, boolean ifExists) {
		return "DROP TABLE " + (ifExists ? "IF EXISTS " : "") + CnosSql.quoteName("table", name);
	}

	public static String describeTable(String name) {
		return "DESCRIBE TABLE " + CnosSql.quoteName("table", name);
	}

	public static String createUser(String user, String password) {
		return "CREATE USER " + CnosSql.quoteName("user", CnosSql.validateName("user", user)) + " WITH PASSWORD = "
				+ password(password);
	}

	public static String alterUserPassword(String user, String password) {
		return "ALTER USER " + CnosSql.quoteName("user", user) + " SET PASSWORD = " + password(password);
	}

	public static String dropUser(String user, boolean ifExists) {
		return "DROP USER " + (ifExists ? "IF EXISTS " : "") + CnosSql.quoteName("user", user);
	}

	private static String password(String password) {
		if (password == null) {
			throw new IllegalArgumentException("A CnosDB password must not be null");
		}
		return CnosSql.quoteLiteral(password);
	}

}
