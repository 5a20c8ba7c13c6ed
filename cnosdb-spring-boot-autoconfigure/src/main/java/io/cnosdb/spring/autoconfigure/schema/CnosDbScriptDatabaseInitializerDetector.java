package io.cnosdb.spring.autoconfigure.schema;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link CnosDbScriptDatabaseInitializer}: the
 * beans that depend on database initialization wait for it.
 */
class CnosDbScriptDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(CnosDbScriptDatabaseInitializer.class);
	}

}
