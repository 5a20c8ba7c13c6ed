package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.autoconfigure.CnosDbConfigurations.CnosClientConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConfigurations.CnosHttpClientConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConfigurations.CnosTemplateConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConfigurations.ConnectionDetailsConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConfigurations.ExceptionTranslatorConfiguration;
import io.cnosdb.spring.autoconfigure.CnosDbConfigurations.NodeMetricsConfiguration;
import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.http.CnosHttpClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the CnosDB client, of one server or the nodes of a cluster, from
 * {@code cnosdb.*} properties or a {@link CnosDbConnectionDetails} bean. Each bean backs
 * off on its own when the application defines its own:
 * <ul>
 * <li>a {@link CnosExceptionTranslator}, the default one;</li>
 * <li>a {@link CnosHttpClient}, over Spring Boot's {@link RestClient.Builder}, so
 * {@code http.client.requests} observations and Boot's RestClient customizers apply, with
 * a request factory of Boot's detected HTTP client built from the global HTTP client
 * settings, the {@code cnosdb} timeouts and the connection's SSL bundle, and pings with
 * request factories of their own, bounded by the ping's timeout; it closes them when it
 * is closed with the context. Its statements, writes and pings are observed in the
 * application's {@code ObservationRegistry}, with the application's
 * {@code CnosObservationConvention} if it has one;</li>
 * <li>a {@link CnosTemplate} over that client, unless the application defines a
 * {@link CnosOperations};</li>
 * <li>a {@link CnosClient} over that template;</li>
 * <li>with Micrometer, a {@link CnosDbNodeMetrics} of the client's nodes, whose meters
 * exist for the nodes of a cluster ({@code cnosdb.urls}) only.</li>
 * </ul>
 * Unusable settings fail with an {@link InvalidConfigurationPropertyValueException}
 * naming the property to fix.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass({ CnosHttpClient.class, RestClient.class })
@EnableConfigurationProperties(CnosDbProperties.class)
@Import({ ConnectionDetailsConfiguration.class, ExceptionTranslatorConfiguration.class,
		CnosHttpClientConfiguration.class, NodeMetricsConfiguration.class, CnosTemplateConfiguration.class,
		CnosClientConfiguration.class })
public final class CnosDbAutoConfiguration {

}
