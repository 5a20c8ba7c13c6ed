package io.cnosdb.spring.test.autoconfigure;

import java.util.List;

import io.cnosdb.spring.core.CnosClient;

import org.springframework.stereotype.Service;

/**
 * A component of the application: left out of a {@code @CnosDbTest} unless the test
 * includes it.
 */
@Service
public class ExampleStationService {

	private final CnosClient client;

	public ExampleStationService(CnosClient client) {
		this.client = client;
	}

	/** The stations that reported, from the {@code air} table, in order. */
	public List<String> stations() {
		return this.client.sql("SELECT DISTINCT station FROM air ORDER BY station").query(String.class).list();
	}

}
