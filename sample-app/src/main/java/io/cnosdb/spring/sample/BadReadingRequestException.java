package io.cnosdb.spring.sample;

/**
 * A request to the readings API that is refused before anything is sent to CnosDB; its
 * message says what is wrong and becomes the detail of a 400 problem.
 */
class BadReadingRequestException extends RuntimeException {

	BadReadingRequestException(String message) {
		super(message);
	}

}
