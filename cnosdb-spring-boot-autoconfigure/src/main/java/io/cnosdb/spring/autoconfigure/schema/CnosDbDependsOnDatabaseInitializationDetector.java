package io.cnosdb.spring.autoconfigure.schema;

import java.util.Set;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosSchemaOperations;
import io.cnosdb.spring.core.CnosWriteOperations;
import io.cnosdb.spring.core.batch.CnosBatchWriter;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * A {@link DependsOnDatabaseInitializationDetector} for the beans that use CnosDB: the
 * templates and clients, and the batch writer, wait for database initialization, as
 * Spring Boot's {@code JdbcTemplate} does. The initializer itself runs through a template
 * of its own over the {@code CnosHttpClient}, which does not wait.
 */
class CnosDbDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(CnosOperations.class, CnosSchemaOperations.class, CnosWriteOperations.class, CnosClient.class,
				CnosBatchWriter.class);
	}

}
