package io.cnosdb.spring.core.write;

/**
 * Sends encoded line protocol to one database in one request: the write path that
 * {@code CnosTemplate} offers to what is built on it (the batch writer, CSV import), so
 * that they need no more of the template than this.
 */
@FunctionalInterface
public interface LineProtocolSender {

	/**
	 * Sends {@code bytes[0 .. length)} of encoded line protocol in one request; the
	 * server accepts all of it or none.
	 * @param bytes the encoded lines, each ending with a line break
	 * @param length how many bytes of {@code bytes} to send
	 * @param precision the precision of the lines' timestamps
	 * @param what what is written, such as "writing 3 point(s)", for exception messages
	 * @throws org.springframework.dao.DataAccessException when the write fails
	 */
	void sendLineProtocol(byte[] bytes, int length, CnosPrecision precision, String what);

}
