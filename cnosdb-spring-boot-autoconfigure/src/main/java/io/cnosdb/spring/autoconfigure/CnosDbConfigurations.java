package io.cnosdb.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.CnosClient;
import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;
import io.cnosdb.spring.core.exception.DefaultCnosExceptionTranslator;
import io.cnosdb.spring.core.http.CnosHttpClient;
import io.cnosdb.spring.core.http.CnosHttpClientBuilder;
import io.cnosdb.spring.core.observation.CnosObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Configurations for import into {@link CnosDbAutoConfiguration}, one per bean, so that
 * an application's own bean replaces that one alone.
 */
final class CnosDbConfigurations {

	private CnosDbConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CnosDbConnectionDetails.class)
	static class ConnectionDetailsConfiguration {

		@Bean
		PropertiesCnosDbConnectionDetails cnosDbConnectionDetails(CnosDbProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			return new PropertiesCnosDbConnectionDetails(properties, sslBundles.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CnosExceptionTranslator.class)
	static class ExceptionTranslatorConfiguration {

		@Bean
		DefaultCnosExceptionTranslator cnosExceptionTranslator() {
			return new DefaultCnosExceptionTranslator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CnosHttpClient.class)
	static class CnosHttpClientConfiguration {

		@Bean
		CnosHttpClient cnosHttpClient(CnosDbProperties properties, CnosDbConnectionDetails connectionDetails,
				CnosExceptionTranslator exceptionTranslator, ObjectProvider<RestClient.Builder> restClientBuilder,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<CnosDbRestClientCustomizer> customizers,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<CnosObservationConvention> observationConvention) {
			List<String> urls = CnosDbUrlValidator.validate(connectionDetails);
			Duration connectTimeout = properties.getConnectTimeout();
			HttpClientSettings settings = settings(httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
					properties, connectionDetails.getSslBundle());
			ClientHttpRequestFactoryBuilder<?> factoryBuilder = CnosDbRequestFactoryBuilders.forCnosDb(
					requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
					properties.getMaxConnections(), connectTimeout);
			ClientHttpRequestFactory requestFactory = factoryBuilder.build(settings);
			CnosDbPingRequestFactories pingRequestFactories = CnosDbPingRequestFactories.of(factoryBuilder, settings,
					connectTimeout);
			RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder)
				.requestFactory(requestFactory);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			CnosDbWriteProperties write = properties.getWrite();
			CnosDbFailoverProperties failover = properties.getFailover();
			CnosHttpClientBuilder client = CnosHttpClient.builder()
				.urls(urls)
				.nodeBackoff(failover.getBackoffInitial(), failover.getBackoffMax(), failover.getBackoffJitter())
				.nodeProbeTimeout(failover.getProbeTimeout())
				.credentials(connectionDetails.getUser(), connectionDetails.getPassword())
				.restClientBuilder(builder)
				.maxConnections(properties.getMaxConnections())
				.queryTimeout(properties.getQueryTimeout())
				.maxRowSize((int) properties.getMaxRowSize().toBytes())
				.exceptionTranslator(exceptionTranslator)
				.pingRequestFactory(pingRequestFactories)
				.writeCompression(write.getCompression(), write.getCompressionLevel())
				.owning(requestFactory)
				.owning(pingRequestFactories)
				.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
			observationConvention.ifAvailable(client::observationConvention);
			return client.build();
		}

		private static HttpClientSettings settings(HttpClientSettings global, CnosDbProperties properties,
				@Nullable SslBundle sslBundle) {
			HttpClientSettings settings = global.withTimeouts(properties.getConnectTimeout(),
					properties.getReadTimeout());
			return (sslBundle != null) ? settings.withSslBundle(sslBundle) : settings;
		}

	}

	/**
	 * The meters of the nodes of the auto-configured client, for Spring Boot's metrics
	 * auto-configuration to bind; none for one server.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	@ConditionalOnSingleCandidate(CnosHttpClient.class)
	static class NodeMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CnosDbNodeMetrics cnosDbNodeMetrics(CnosHttpClient client) {
			return new CnosDbNodeMetrics(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CnosOperations.class)
	@ConditionalOnSingleCandidate(CnosHttpClient.class)
	static class CnosTemplateConfiguration {

		@Bean
		CnosTemplate cnosTemplate(CnosHttpClient httpClient, CnosDbProperties properties) {
			return CnosTemplate.builder()
				.httpClient(httpClient)
				.database(properties.getDatabase())
				.tenant(properties.getTenant())
				.writePrecision(properties.getWrite().getPrecision())
				.defaultTags(properties.getWrite().getDefaultTags())
				.maxRows(properties.getMaxRows())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(CnosClient.class)
	@ConditionalOnSingleCandidate(CnosTemplate.class)
	static class CnosClientConfiguration {

		@Bean
		CnosClient cnosClient(CnosTemplate template) {
			return CnosClient.create(template);
		}

	}

}
