package io.cnosdb.spring.core.batch.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps a spool directory to one writer: an exclusive lock on its
 * {@value #FILE_NAME} file, which the operating system releases when the process ends,
 * however it ends, so a crashed writer never leaves a stale lock behind.
 */
final class SpoolLock implements AutoCloseable {

	static final String FILE_NAME = "spool.lock";

	private final FileChannel channel;

	private final FileLock lock;

	private SpoolLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the directory's lock, at once or not at all.
	 * @throws IllegalStateException if another process, or another writer of this one,
	 * holds it
	 */
	static SpoolLock acquire(Path directory) throws IOException {
		Path path = directory.resolve(FILE_NAME);
		FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw new IllegalStateException("The spool directory " + directory
						+ " is in use by another process (it holds " + path + "); two writers never share a spool");
			}
			return new SpoolLock(channel, lock);
		}
		catch (OverlappingFileLockException ex) {
			channel.close();
			throw new IllegalStateException("The spool directory " + directory
					+ " is in use by another batch writer of this application; two writers never share a spool");
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.lock.release();
		}
		finally {
			this.channel.close();
		}
	}

}
