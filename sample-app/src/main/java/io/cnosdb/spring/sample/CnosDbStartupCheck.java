package io.cnosdb.spring.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.cnosdb.spring.core.CnosTemplate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Says once, at startup, whether CnosDB answers and where it was looked for. The application
 * starts either way: the endpoints answer 503 until CnosDB is reachable.
 */
@Component
class CnosDbStartupCheck implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(CnosDbStartupCheck.class);

	private final CnosTemplate cnos;

	CnosDbStartupCheck(CnosTemplate cnos) {
		this.cnos = cnos;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			logger.info("Connected to CnosDB at " + this.cnos.getUrl() + " as '" + this.cnos.getUser()
					+ "'; databases: " + this.cnos.listDatabases());
		}
		catch (DataAccessException ex) {
			logger.warn("CnosDB is not available at " + this.cnos.getUrl() + " (" + ex.getMostSpecificCause().getMessage()
					+ "); start a server there or set cnosdb.url. The application keeps running.");
		}
	}

}
