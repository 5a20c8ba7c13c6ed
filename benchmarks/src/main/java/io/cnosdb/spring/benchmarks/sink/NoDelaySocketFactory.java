package io.cnosdb.spring.benchmarks.sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Sockets with {@code TCP_NODELAY}, for clients such as OkHttp that leave Nagle's
 * algorithm on and then stall on delayed acknowledgements.
 */
public final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private Socket connected(InetSocketAddress address) throws IOException {
		Socket socket = createSocket();
		socket.connect(address);
		return socket;
	}

	private Socket connected(InetSocketAddress address, InetSocketAddress local) throws IOException {
		Socket socket = createSocket();
		socket.bind(local);
		socket.connect(address);
		return socket;
	}

}
