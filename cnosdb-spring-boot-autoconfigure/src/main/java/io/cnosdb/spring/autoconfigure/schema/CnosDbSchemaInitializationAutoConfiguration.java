package io.cnosdb.spring.autoconfigure.schema;

import java.util.List;

import io.cnosdb.spring.autoconfigure.CnosDbAutoConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbProperties;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.http.CnosHttpClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.autoconfigure.init.OnDatabaseInitializationCondition;
import org.springframework.boot.sql.init.AbstractScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of a {@link CnosDbScriptDatabaseInitializer} when
 * {@code cnosdb.schema.locations} names scripts and {@code cnosdb.schema.mode} is not
 * {@code never}: the scripts run once at startup through a template of their own over the
 * {@link CnosHttpClient} bean, in {@code cnosdb.database} and {@code cnosdb.tenant},
 * before the beans that use CnosDB and those annotated
 * {@code @DependsOnDatabaseInitialization}. Placeholders in the scripts' quoted text are
 * resolved from the environment.
 */
@AutoConfiguration(after = CnosDbAutoConfiguration.class)
@ConditionalOnClass({ CnosHttpClient.class, AbstractScriptDatabaseInitializer.class })
@ConditionalOnSingleCandidate(CnosHttpClient.class)
@Conditional({ CnosDbSchemaInitializationAutoConfiguration.ModeCondition.class,
		CnosDbSchemaInitializationAutoConfiguration.LocationsCondition.class })
@EnableConfigurationProperties(CnosDbSchemaProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class CnosDbSchemaInitializationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CnosDbScriptDatabaseInitializer cnosDbScriptDatabaseInitializer(CnosHttpClient httpClient,
			CnosDbProperties properties, CnosDbSchemaProperties schema, Environment environment) {
		// Not the template bean: that one waits for this initializer.
		CnosTemplate template = CnosTemplate.builder()
			.httpClient(httpClient)
			.database(properties.getDatabase())
			.tenant(properties.getTenant())
			.build();
		return new CnosDbScriptDatabaseInitializer(template, settings(schema),
				environment::resolveRequiredPlaceholders);
	}

	static DatabaseInitializationSettings settings(CnosDbSchemaProperties schema) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(schema.getLocations());
		settings.setMode(schema.getMode());
		settings.setContinueOnError(schema.isContinueOnError());
		settings.setSeparator(schema.getSeparator());
		settings.setEncoding(schema.getEncoding());
		return settings;
	}

	/** Matches unless {@code cnosdb.schema.mode} is {@code never}. */
	static class ModeCondition extends OnDatabaseInitializationCondition {

		ModeCondition() {
			super("CnosDB schema ", "cnosdb.schema.mode");
		}

	}

	/** Matches when {@code cnosdb.schema.locations} names at least one script. */
	static class LocationsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("CnosDB schema locations");
			List<String> locations = Binder.get(context.getEnvironment())
				.bind("cnosdb.schema.locations", Bindable.listOf(String.class))
				.orElse(List.of());
			return locations.isEmpty() ? ConditionOutcome.noMatch(message.because("none are set"))
					: ConditionOutcome.match(message.found("location", "locations").items(locations));
		}

	}

}
