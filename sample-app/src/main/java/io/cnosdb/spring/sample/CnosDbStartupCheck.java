package io.cnosdb.spring.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.cnosdb.spring.core.CnosTemplate;
import io.cnosdb.spring.core.exception.CnosServerFailure;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Says once, at startup, whether CnosDB answers and where it was looked for, and whether
 * the sample's database and table are ready (the schema script ran at startup; see
 * {@link AirSchema}). The application starts either way: the endpoints answer 503 until
 * CnosDB is reachable, and the schema is created on first use.
 */
@Component
class CnosDbStartupCheck implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(CnosDbStartupCheck.class);

	private final CnosTemplate cnos;

	private final AirSchema schema;

	CnosDbStartupCheck(CnosTemplate cnos, AirSchema schema) {
		this.cnos = cnos;
		this.schema = schema;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			logger.info("Connected to CnosDB at " + this.cnos.getUrl() + " as '" + this.cnos.getUser()
					+ "'; databases: " + this.cnos.listDatabases());
		}
		catch (PermissionDeniedDataAccessException ex) {
			// The server answered, so "start a server" would be the wrong advice.
			logger.warn("CnosDB at " + this.cnos.getUrl() + " refused user '" + this.cnos.getUser() + "' ("
					+ serverMessage(ex) + "); check cnosdb.user and cnosdb.password (since CnosDB 2.4.1 root's "
					+ "initial password is 'root' and must be changed once authentication is on). "
					+ "The application keeps running.");
			return;
		}
		catch (DataAccessException ex) {
			if (ex instanceof CnosServerFailure) {
				logger.warn("CnosDB at " + this.cnos.getUrl() + " answered, but refused to list its databases ("
						+ serverMessage(ex) + "). The application keeps running.");
			}
			else {
				logger.warn("CnosDB is not available at " + this.cnos.getUrl() + " ("
						+ ex.getMostSpecificCause().getMessage()
						+ "); start a server there or set cnosdb.url. The application keeps running.");
			}
			return;
		}
		if (this.schema.isCreated()) {
			logger.info("Database '" + this.schema.getDatabase() + "' and table '" + AirSchema.TABLE + "' are ready");
		}
		else {
			logger.warn("Database '" + this.schema.getDatabase() + "' and table '" + AirSchema.TABLE
					+ "' are not ready yet (see the schema script's warning above); the first request tries again.");
		}
	}

	private static String serverMessage(DataAccessException ex) {
		if (ex instanceof CnosServerFailure failure) {
			return failure.getErrorCode() + " " + failure.getServerMessage();
		}
		return ex.getMostSpecificCause().getMessage();
	}

}
