package org.mvoting.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A server that does nothing but answer {@code {}}: the JDK's own HTTP server on 127.0.0.1, four threads, a listen
 * backlog of 4096. FloorSimulation against it measures what the load generator and the kernel alone cost for a
 * burst on this machine, with no WildFly in the request path at all.
 *
 * <p>Run: {@code java mvoting-benchmark/src/test/java/org/mvoting/benchmark/NullServer.java [port]} (default 8199).
 */
public final class NullServer {

    private NullServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8199;
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("NullServer answering on http://127.0.0.1:" + port + "/");
    }
}
