package com.threadline.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counting proxy on the app's PostgreSQL connection, used only for the SQL phase (on an
 * app instance of its own, so the latency phases connect directly). It forwards bytes
 * unchanged and reads the client's messages of the PostgreSQL wire protocol: every
 * {@code Execute} (of the statement its portal was bound to) and every simple
 * {@code Query} is one statement executed by the server. {@code BEGIN}, {@code COMMIT}
 * and {@code ROLLBACK} are counted apart: JDBC sends them for every transaction, and the
 * app's own statement-count test (datasource-proxy) does not see them; so is the empty
 * query with which the JDBC driver answers the pool's {@code isValid} check. The JDBC URL must
 * say {@code sslmode=disable}, so the protocol stays readable.
 */
final class SqlCounter implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress database;

	private final Map<String, AtomicLong> executed = new ConcurrentHashMap<>();

	private final AtomicLong syncs = new AtomicLong();

	SqlCounter(InetSocketAddress database) throws IOException {
		this.database = database;
		this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
		Thread.ofPlatform().daemon().start(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Statement text → times executed, so far. */
	Map<String, Long> snapshot() {
		Map<String, Long> copy = new TreeMap<>();
		this.executed.forEach((sql, count) -> copy.put(sql, count.get()));
		copy.put("(sync)", this.syncs.get());
		return copy;
	}

	static boolean transactionControl(String sql) {
		String head = sql.stripLeading().toUpperCase(Locale.ROOT);
		return head.startsWith("BEGIN") || head.startsWith("COMMIT") || head.startsWith("ROLLBACK")
				|| head.startsWith("SAVEPOINT") || head.startsWith("RELEASE");
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.database.getAddress(), this.database.getPort());
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				InputStream fromServer = upstream.getInputStream();
				OutputStream toClient = client.getOutputStream();
				Thread.ofVirtual().start(() -> pump(fromServer, toClient, client, upstream));
				Thread.ofVirtual().start(() -> parse(client, upstream));
			}
			catch (IOException ex) {
				// closed, or the database refused: the app sees the connection fail
			}
		}
	}

	private void parse(Socket client, Socket upstream) {
		Map<String, String> statements = new HashMap<>();
		Map<String, String> portals = new HashMap<>();
		try (client; upstream) {
			DataInputStream in = new DataInputStream(client.getInputStream());
			OutputStream out = upstream.getOutputStream();
			boolean started = false;
			while (true) {
				int type = started ? in.read() : 0;
				if (type < 0) {
					return;
				}
				int length = in.readInt();
				byte[] body = new byte[length - 4];
				in.readFully(body);
				if (started) {
					out.write(type);
				}
				else if (body.length >= 4 && body[0] == 0 && body[1] == 3) {
					started = true;
				}
				out.write(new byte[] { (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
						(byte) length });
				out.write(body);
				out.flush();
				if (started) {
					count((char) type, body, statements, portals);
				}
			}
		}
		catch (IOException ex) {
			// the connection ended
		}
	}

	private void count(char type, byte[] body, Map<String, String> statements, Map<String, String> portals) {
		switch (type) {
			case 'P' -> {
				String[] parts = cstrings(body, 2);
				statements.put(parts[0], parts[1]);
			}
			case 'B' -> {
				String[] parts = cstrings(body, 2);
				portals.put(parts[0], statements.getOrDefault(parts[1], "(unknown statement)"));
			}
			case 'E' -> record(portals.getOrDefault(cstrings(body, 1)[0], "(unknown portal)"));
			case 'Q' -> record(cstrings(body, 1)[0]);
			case 'S' -> this.syncs.incrementAndGet();
			default -> {
			}
		}
	}

	private void record(String sql) {
		String normal = sql.strip().replaceAll("\\s+", " ");
		this.executed.computeIfAbsent(normal, s -> new AtomicLong()).incrementAndGet();
	}

	private static String[] cstrings(byte[] body, int count) {
		String[] parts = new String[count];
		int from = 0;
		for (int i = 0; i < count; i++) {
			int end = from;
			while (end < body.length && body[end] != 0) {
				end++;
			}
			parts[i] = new String(body, from, end - from, StandardCharsets.UTF_8);
			from = end + 1;
		}
		return parts;
	}

	private static void pump(InputStream in, OutputStream out, Socket a, Socket b) {
		byte[] buffer = new byte[16384];
		try (a; b) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// the connection ended
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
