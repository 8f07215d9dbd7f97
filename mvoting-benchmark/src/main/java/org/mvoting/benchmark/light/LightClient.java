package org.mvoting.benchmark.light;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The light client of {@code run-ratios.sh}, JDK only, run as a single source file
 * ({@code java LightClient.java <command> ...}), so that it needs no build and no Gatling.
 *
 * <ul>
 *   <li>{@code mint <votes-file> <citizens-csv> <count> <pollId> <questionId> <optionIds,...>}: one line per voter in
 *       the votes file ({@code token TAB idempotency-key TAB body}), signed like the server's {@code CitizenTokens}
 *       (HS256 under HMAC(MVOTING_SECRET, "mvoting/token"), {@code sub} = a citizen id, a {@code jti}, {@code gen} 0),
 *       and the matching citizen rows as CSV for {@code COPY citizen (id, phone_key, created_at, last_sign_in_at)}:
 *       since V19 the server looks every token's citizen up, so the citizens must exist. The crypto is done here,
 *       before the load; wrk's Lua script and the burst only read the file.</li>
 *   <li>{@code burst <host> <port> <pre|new> <count> <GET path | POST path votes-file [skip]>}: {@code count}
 *       requests at the same instant. {@code pre}: all sockets are connected first (phones with the hall's page
 *       open), then every request is written in one loop; {@code new}: every socket's connect starts in one loop
 *       and its request is written the moment it connects. Latency runs from the write (pre) or the connect's start
 *       (new) to the response's last byte. Prints one {@code RESULT} line: statuses, p50/p99/max in ms.</li>
 * </ul>
 * wrk cannot open a new connection per request, hence this NIO client for the bursts; one selector thread is
 * enough for 1,000 sockets and costs the machine next to nothing compared with the server.
 */
public final class LightClient {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** How long a burst waits for its last answer before it counts the rest as timed out. */
    private static final long BURST_TIMEOUT_MS = 60_000;

    private LightClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: mint ... | burst ... (see the class comment)");
        }
        switch (args[0]) {
            case "mint" -> mint(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), args[4],
                    Long.parseLong(args[5]), Arrays.stream(args[6].split(",")).mapToLong(Long::parseLong).toArray());
            case "burst" -> burst(args);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------ mint

    private static void mint(Path votes, Path citizens, int count, String pollId, long questionId, long[] options)
            throws IOException {
        String secret = System.getenv("MVOTING_SECRET");
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("set MVOTING_SECRET to the server's secret");
        }
        byte[] key = hmac(secret.getBytes(StandardCharsets.UTF_8), "mvoting/token".getBytes(StandardCharsets.UTF_8));
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        SecureRandom random = new SecureRandom();
        long now = Instant.now().getEpochSecond();
        String nowText = Instant.ofEpochSecond(now).toString();
        HexFormat hex = HexFormat.of();
        try (PrintWriter v = new PrintWriter(Files.newBufferedWriter(votes, StandardCharsets.UTF_8));
             PrintWriter c = new PrintWriter(Files.newBufferedWriter(citizens, StandardCharsets.UTF_8))) {
            for (int i = 0; i < count; i++) {
                UUID citizen = UUID.randomUUID();
                byte[] voterKey = new byte[32];
                byte[] phoneKey = new byte[32];
                random.nextBytes(voterKey);
                random.nextBytes(phoneKey);
                String claims = "{\"iss\":\"mvoting\",\"sub\":\"" + citizen + "\",\"vk\":\"" + B64.encodeToString(voterKey)
                        + "\",\"asr\":\"SMS_VERIFIED\",\"gen\":0,\"iat\":" + now + ",\"exp\":" + (now + 4 * 3600)
                        + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
                String input = header + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
                String token = input + "." + B64.encodeToString(hmac(key, input.getBytes(StandardCharsets.US_ASCII)));
                long option = options[ThreadLocalRandom.current().nextInt(options.length)];
                v.print(token + "\t" + UUID.randomUUID() + "\t{\"answers\":[{\"questionId\":" + questionId
                        + ",\"optionIds\":[" + option + "]}]}\n");
                c.print(citizen + ",\\x" + hex.formatHex(phoneKey) + "," + nowText + "," + nowText + "\n");
            }
        }
        System.out.println("minted " + count + " voters for poll " + pollId);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ----------------------------------------------------------------------------------------------- burst

    /** One socket of a burst and what came back on it. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer request;
        final byte[] buffer = new byte[1 << 14];
        int filled;
        long startedNanos;
        long doneNanos;
        int status = -1;
        String error;

        Conn(SocketChannel channel, ByteBuffer request) {
            this.channel = channel;
            this.request = request;
        }

        boolean done() {
            return doneNanos != 0 || error != null;
        }

        /** Whether the bytes so far hold one whole response (Content-Length or chunked). */
        boolean complete() {
            String text = new String(buffer, 0, filled, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            String head = text.substring(0, end).toLowerCase(Locale.ROOT);
            if (status < 0) {
                status = Integer.parseInt(head.substring(9, 12));
            }
            int cl = head.indexOf("content-length:");
            if (cl >= 0) {
                int eol = head.indexOf("\r\n", cl);
                int length = Integer.parseInt(head.substring(cl + 15, eol < 0 ? head.length() : eol).trim());
                return filled >= end + 4 + length;
            }
            if (head.contains("transfer-encoding: chunked")) {
                return text.endsWith("0\r\n\r\n");
            }
            return true; // no body (e.g. 204) or a body until close: the status is what we count
        }
    }

    private static void burst(String[] args) throws IOException, InterruptedException {
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        boolean pre = switch (args[3]) {
            case "pre" -> true;
            case "new" -> false;
            default -> throw new IllegalArgumentException("mode: pre or new");
        };
        int count = Integer.parseInt(args[4]);
        String method = args[5];
        String path = args[6];
        List<ByteBuffer> requests = new ArrayList<>(count);
        if ("POST".equals(method)) {
            int skip = args.length > 8 ? Integer.parseInt(args[8]) : 0;
            List<String> lines = Files.readAllLines(Path.of(args[7]), StandardCharsets.UTF_8);
            if (lines.size() < skip + count) {
                throw new IllegalStateException("only " + lines.size() + " voters in " + args[7]);
            }
            for (String line : lines.subList(skip, skip + count)) {
                String[] f = line.split("\t", 3);
                byte[] body = f[2].getBytes(StandardCharsets.UTF_8);
                requests.add(ByteBuffer.wrap(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nAuthorization: Bearer " + f[0] + "\r\nIdempotency-Key: " + f[1]
                        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n" + f[2]).getBytes(StandardCharsets.UTF_8)));
            }
        } else {
            for (int i = 0; i < count; i++) {
                requests.add(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            }
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        List<Conn> conns = new ArrayList<>(count);
        try (Selector selector = Selector.open()) {
            if (pre) {
                for (int i = 0; i < count; i++) {
                    SocketChannel ch = SocketChannel.open();
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    ch.connect(address); // blocking: connected before any request is sent
                    ch.configureBlocking(false);
                    conns.add(new Conn(ch, requests.get(i)));
                }
                Thread.sleep(1000); // the server has accepted and registered every socket: phones idle, page open
                for (Conn c : conns) {
                    c.channel.register(selector, SelectionKey.OP_READ, c);
                }
                for (Conn c : conns) { // the same instant: one loop of small writes into the socket buffers
                    c.startedNanos = System.nanoTime();
                    c.channel.write(c.request);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    Conn c = new Conn(ch, requests.get(i));
                    c.startedNanos = System.nanoTime();
                    try {
                        if (ch.connect(address)) {
                            ch.write(c.request);
                            ch.register(selector, SelectionKey.OP_READ, c);
                        } else {
                            ch.register(selector, SelectionKey.OP_CONNECT, c);
                        }
                    } catch (IOException e) {
                        c.error = "connect: " + e.getMessage();
                    }
                    conns.add(c);
                }
            }
            long deadline = System.nanoTime() + BURST_TIMEOUT_MS * 1_000_000L;
            int open = (int) conns.stream().filter(c -> !c.done()).count();
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(500);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            c.channel.write(c.request);
                            key.interestOps(SelectionKey.OP_READ);
                            continue;
                        }
                        if (c.request.hasRemaining()) {
                            c.channel.write(c.request);
                        }
                        in.clear();
                        int n = c.channel.read(in);
                        if (n < 0) {
                            if (c.status >= 0) { // a body until close (no length): it ends here
                                c.doneNanos = System.nanoTime();
                            } else {
                                c.error = "closed before an answer";
                            }
                        } else if (n > 0) {
                            int take = Math.min(n, c.buffer.length - c.filled);
                            System.arraycopy(in.array(), 0, c.buffer, c.filled, take);
                            c.filled += take;
                            if (c.complete()) {
                                c.doneNanos = System.nanoTime();
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        c.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (c.done()) {
                        key.cancel();
                        open--;
                    }
                }
            }
        }
        for (Conn c : conns) {
            c.channel.close();
        }
        report(conns);
    }

    private static void report(List<Conn> conns) {
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        TreeMap<String, Integer> errors = new TreeMap<>();
        List<Double> millis = new ArrayList<>();
        for (Conn c : conns) {
            if (c.doneNanos != 0) {
                statuses.merge(c.status, 1, Integer::sum);
                millis.add((c.doneNanos - c.startedNanos) / 1e6);
            } else {
                errors.merge(c.error == null ? "timeout" : c.error.replace(' ', '_'), 1, Integer::sum);
            }
        }
        millis.sort(Double::compare);
        StringBuilder s = new StringBuilder("RESULT sent=").append(conns.size()).append(" answered=").append(millis.size());
        statuses.forEach((k, v) -> s.append(" s").append(k).append('=').append(v));
        s.append(" failed=").append(conns.size() - millis.size());
        s.append(String.format(Locale.ROOT, " p50_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                pct(millis, 50), pct(millis, 99), millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1)));
        System.out.println(s);
        errors.forEach((k, v) -> System.out.println("ERRORS " + v + " x " + k));
    }

    /** Nearest-rank percentile. */
    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
