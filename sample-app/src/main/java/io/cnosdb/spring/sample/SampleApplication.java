package io.cnosdb.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application that uses CnosDB through the starter: {@code cnosdb.*} in
 * {@code application.yml} and an injected {@code CnosTemplate}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
