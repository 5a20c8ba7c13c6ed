package io.cnosdb.spring.autoconfigure;

import io.cnosdb.spring.core.CnosOperations;
import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosExceptionTranslator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of a {@link CnosTemplate} from {@code cnosdb.*} properties or a
 * {@link CnosDbConnectionDetails} bean.
 * <p>
 * The template's {@link RestClient} comes from Spring Boot's {@link RestClient.Builder}, so
 * {@code http.client.requests} observations and Boot's RestClient customizers apply, with a
 * request factory of Boot's detected HTTP client built from the global HTTP client settings
 * and the {@code cnosdb} timeouts. The template backs off when the application defines its
 * own {@link CnosOperations}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass({ CnosTemplate.class, RestClient.class })
@EnableConfigurationProperties(CnosDbProperties.class)
public final class CnosDbAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CnosDbConnectionDetails.class)
	PropertiesCnosDbConnectionDetails cnosDbConnectionDetails(CnosDbProperties properties) {
		return new PropertiesCnosDbConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(CnosOperations.class)
	CnosTemplate cnosTemplate(CnosDbProperties properties, CnosDbConnectionDetails connectionDetails,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<CnosDbRestClientCustomizer> customizers,
			ObjectProvider<CnosExceptionTranslator> exceptionTranslator) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout());
		RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder)
			.requestFactory(requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect).build(settings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		CnosTemplate.Builder template = CnosTemplate.builder()
			.url(connectionDetails.getUrl())
			.credentials(connectionDetails.getUser(), connectionDetails.getPassword())
			.database(properties.getDatabase())
			.tenant(properties.getTenant())
			.restClientBuilder(builder);
		exceptionTranslator.ifUnique(template::exceptionTranslator);
		template.writeCompression(properties.getWrite().getCompression(), properties.getWrite().getCompressionLevel());
		return template.build();
	}

}
