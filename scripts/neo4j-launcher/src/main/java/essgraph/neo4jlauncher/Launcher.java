package essgraph.neo4jlauncher;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts a real Neo4j Community server (embedded DBMS + Bolt connector) for essgraph's tests.
 *
 * <p>Usage: {@code Launcher HOME_DIR PORT [PLUGIN_DIR]}. HOME_DIR holds data/ and logs/ (it may already
 * contain a database, e.g. after a crash, and is then recovered). PORT 0 lets the OS pick one.
 * PLUGIN_DIR, when given, is Neo4j's plugin directory: the kernel registers the procedures and
 * functions of the jars in it, and those of Graph Data Science ({@code gds.*}) may use the
 * kernel's internal APIs, as on a server with the GDS plugin. The same jars must be on the
 * classpath too, so that GDS's extensions load (ServiceLoader) when the DBMS starts
 * (the script {@code neo4j-test-server} does both).
 * The password for user {@code neo4j} comes from the environment variable NEO4J_PASSWORD (never
 * argv, so it does not show up in {@code ps}); when it is unset or empty, auth is disabled.
 *
 * <p>When Bolt answers, exactly one line {@code NEO4J_URI=bolt://127.0.0.1:PORT} is printed on
 * stdout; everything else goes to stderr. SIGTERM shuts the DBMS down cleanly (shutdown hook).
 * If start-up fails, logs/debug.log is copied to stderr and the exit code is 1.
 */
public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: Launcher HOME_DIR PORT [PLUGIN_DIR]   (password via env NEO4J_PASSWORD)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path plugins = args.length == 3 ? Path.of(args[2]).toAbsolutePath() : null;
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        boolean auth = !password.isEmpty();

        // Keep stdout for the ready line only: anything else printing to System.out goes to stderr.
        PrintStream readyOut = System.out;
        System.setOut(System.err);

        DatabaseManagementService dbms;
        int boltPort;
        try {
            Files.createDirectories(home);
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                    // Modest memory: this is a test server on a small machine.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                    .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.mebiBytes(128))
                    // No usage reports: the test server must not talk to anything but localhost.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                    // Netty's default graceful stop waits ~10 s after the databases are closed.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
            if (plugins != null) {
                if (!Files.isDirectory(plugins)) {
                    throw new IllegalArgumentException("no plugin directory " + plugins);
                }
                builder.setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                        .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
            }
            dbms = builder.build();
            // Registered right after build() so that even a failure below shuts down cleanly.
            final DatabaseManagementService toStop = dbms;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.err.println("neo4j-launcher: shutting down");
                toStop.shutdown();
                System.err.println("neo4j-launcher: stopped");
            }, "neo4j-shutdown"));

            if (auth) {
                setPassword(dbms, password);
            }
            // With port 0 the OS picked the port; ask Neo4j which one it bound.
            GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database("system");
            boltPort = system.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            waitForBolt(boltPort, 60_000);
        } catch (Throwable e) {
            System.err.println("neo4j-launcher: Neo4j failed to start: " + e);
            e.printStackTrace(System.err);
            dumpDebugLog(home);
            // halt, not exit: the shutdown hook could hang on a half-started DBMS.
            Runtime.getRuntime().halt(1);
            return;
        }

        readyOut.println("NEO4J_URI=bolt://" + HOST + ":" + boltPort);
        readyOut.flush();

        // Keep the JVM alive until SIGTERM/SIGINT runs the shutdown hook.
        Thread.currentThread().join();
    }

    /** Sets the password of the built-in user neo4j (idempotent across restarts). */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // On a restart over the same data dir the password is already set.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    /** Polls until a Bolt handshake on 127.0.0.1:port succeeds (the server really answers). */
    private static void waitForBolt(int port, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 2000);
                s.setSoTimeout(2000);
                OutputStream out = s.getOutputStream();
                // Magic preamble, then 4 version proposals: "5.0 up to 5.4", then 4.4, rest empty.
                out.write(new byte[] {
                    0x60, 0x60, (byte) 0xB0, 0x17,
                    0, 4, 4, 5,
                    0, 0, 4, 4,
                    0, 0, 0, 0,
                    0, 0, 0, 0});
                out.flush();
                int agreed = new DataInputStream(s.getInputStream()).readInt();
                if (agreed != 0) {
                    return;
                }
                throw new IllegalStateException("Bolt server accepted no protocol version");
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Bolt did not answer on port " + port, last);
    }

    private static void dumpDebugLog(Path home) {
        Path log = home.resolve("logs").resolve("debug.log");
        try {
            System.err.println("----- " + log + " -----");
            System.err.println(Files.readString(log));
            System.err.println("----- end of debug.log -----");
        } catch (IOException e) {
            System.err.println("neo4j-launcher: no debug log at " + log + " (" + e + ")");
        }
    }
}
