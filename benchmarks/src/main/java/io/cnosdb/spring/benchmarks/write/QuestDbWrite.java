package io.cnosdb.spring.benchmarks.write;

import io.questdb.client.Sender;

/**
 * QuestDB's {@link Sender} over HTTP in plain line protocol ({@code protocol_version=1}),
 * one sender per run, closed at the end (which flushes).
 */
final class QuestDbWrite implements WriteContender {

	private final String config;

	private final String name;

	/**
	 * @param autoFlushRows rows per request, or 0 for the sender's default (75,000)
	 */
	QuestDbWrite(int port, int autoFlushRows) {
		this.config = "http::addr=127.0.0.1:" + port + ";protocol_version=1;"
				+ ((autoFlushRows > 0) ? "auto_flush_rows=" + autoFlushRows + ";" : "");
		this.name = "questdb Sender(" + ((autoFlushRows > 0) ? "rows=" + autoFlushRows : "default") + ")";
	}

	@Override
	public Threading threading() {
		return Threading.SINGLE;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void write(WriteDataset data, int from, int to) {
		try (Sender sender = Sender.fromConfig(this.config)) {
			for (int i = from; i < to; i++) {
				Points.questDb(sender, data, i);
			}
		}
	}

}
