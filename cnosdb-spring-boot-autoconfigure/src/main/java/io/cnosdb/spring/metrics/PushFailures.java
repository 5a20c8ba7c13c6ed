package io.cnosdb.spring.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.cnosdb.spring.core.support.CnosMessageValues;

/**
 * What goes wrong while meters are pushed, logged so that an outage of the server makes
 * one log line, not one per step: the first failure of an outage (a failed write request,
 * or a database that could not be created) is logged at WARN, the next ones at DEBUG, and
 * the first step pushed without failure after an outage at INFO. A meter that cannot be
 * written is logged once per name.
 * <p>
 * Messages carry the client's exception messages, which name the server's URL without
 * user information and never the credentials, and no stack trace but at DEBUG.
 */
final class PushFailures {

	private static final Log logger = LogFactory.getLog(CnosDbMeterRegistry.class);

	private final Set<String> refusedMeters = ConcurrentHashMap.newKeySet();

	private boolean inOutage;

	private long failuresInOutage;

	/** A write request failed: logged if it starts an outage. */
	void pushFailed(RuntimeException ex) {
		report("Could not push metrics to CnosDB (" + ex.getMessage() + ")", ex);
	}

	/** The database could not be created: logged if it starts an outage. */
	void databaseNotCreated(String database, RuntimeException ex) {
		report("Could not create the database '" + CnosMessageValues.abbreviate(database) + "' to push metrics to ("
				+ ex.getMessage() + "); it is tried again before the next push", ex);
	}

	/** A step was pushed without any failure: ends an outage. */
	synchronized void stepPushed() {
		if (this.inOutage) {
			logger.info("Pushing metrics to CnosDB works again, after " + this.failuresInOutage + " failure(s)");
			this.inOutage = false;
			this.failuresInOutage = 0;
		}
	}

	/** A meter that cannot be written as a point is left out, and said so once. */
	void meterRefused(String name, RuntimeException ex) {
		if (this.refusedMeters.add(name)) {
			logger.warn("Meter '" + CnosMessageValues.abbreviate(name)
					+ "' is left out of the metrics pushed to CnosDB: " + ex.getMessage());
		}
	}

	private synchronized void report(String message, RuntimeException ex) {
		this.failuresInOutage++;
		if (!this.inOutage) {
			this.inOutage = true;
			logger.warn(message + ". Failed pushes are counted as " + CnosDbMeterRegistry.FAILURES_METER
					+ ", the next steps are still pushed, and this is logged again only after a push succeeds");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message, ex);
		}
	}

}
