package io.cnosdb.spring.autoconfigure;

import java.time.Duration;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.write.CnosPrecision;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.CnosTemplateBuilder;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of a {@link CnosTemplate} from {@code cnosdb.*} properties or a
 * {@link CnosDbConnectionDetails} bean.
 * <p>
 * The template's {@link RestClient} comes from Spring Boot's {@link RestClient.Builder},
 * so {@code http.client.requests} observations and Boot's RestClient customizers apply,
 * with a request factory of Boot's detected HTTP client built from the global HTTP client
 * settings, the {@code cnosdb} timeouts and the connection's SSL bundle. Pings get a
 * request factory of their own, bounded by the ping's timeout. The template backs off
 * when the application defines its own {@link CnosOperations}. Unusable settings fail
 * with a {@link CnosDbConfigurationException} naming the property to fix.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass({ CnosTemplate.class, RestClient.class })
@EnableConfigurationProperties(CnosDbProperties.class)
public final class CnosDbAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CnosDbConnectionDetails.class)
	PropertiesCnosDbConnectionDetails cnosDbConnectionDetails(CnosDbProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesCnosDbConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean(CnosOperations.class)
	CnosTemplate cnosTemplate(CnosDbProperties properties, CnosDbConnectionDetails connectionDetails,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<CnosDbRestClientCustomizer> customizers,
			ObjectProvider<CnosExceptionTranslator> exceptionTranslator) {
		String url = CnosDbUrlValidator.validate(connectionDetails.getUrl(), urlSource(connectionDetails));
		CnosPrecision writePrecision = writePrecision(properties.getWrite().getPrecision());
		Duration connectTimeout = properties.getConnectTimeout();
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(connectTimeout, properties.getReadTimeout());
		SslBundle sslBundle = connectionDetails.getSslBundle();
		if (sslBundle != null) {
			settings = settings.withSslBundle(sslBundle);
		}
		HttpClientSettings clientSettings = settings;
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = CnosDbRequestFactoryBuilders.forCnosDb(
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				properties.getMaxConnections(), connectTimeout);
		RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder)
			.requestFactory(factoryBuilder.build(clientSettings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		CnosTemplateBuilder template = CnosTemplate.builder()
			.url(url)
			.credentials(connectionDetails.getUser(), connectionDetails.getPassword())
			.database(properties.getDatabase())
			.tenant(properties.getTenant())
			.writePrecision(writePrecision)
			.restClientBuilder(builder)
			.maxConnections(properties.getMaxConnections())
			.queryTimeout(properties.getQueryTimeout())
			.maxRowSize((int) properties.getMaxRowSize().toBytes())
			.maxRows(properties.getMaxRows())
			.pingRequestFactory(
					CnosDbRequestFactoryBuilders.pingRequestFactories(factoryBuilder, clientSettings, connectTimeout));
		exceptionTranslator.ifUnique(template::exceptionTranslator);
		template.writeCompression(properties.getWrite().getCompression(), properties.getWrite().getCompressionLevel());
		return template.build();
	}

	private static String urlSource(CnosDbConnectionDetails connectionDetails) {
		return (connectionDetails instanceof PropertiesCnosDbConnectionDetails) ? "cnosdb.url"
				: "the URL of " + connectionDetails.getClass().getName();
	}

	private static CnosPrecision writePrecision(String value) {
		try {
			return CnosPrecision.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCnosDbPrecisionException(value, ex);
		}
	}

}
