package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Citizens signing in the real way: code by SMS (read from the local adapter's table), then a token. */
final class Citizens {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private Citizens() {
    }

    /** A fresh Korean mobile number in E.164, unique within this run. */
    static String newPhone() {
        while (true) {
            String phone = String.format("+8210%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            if (USED.add(phone)) {
                return phone;
            }
        }
    }

    static String signIn(String phone) {
        return signIn(List.of(phone)).get(phone);
    }

    /** Signs in from a device (X-Device-Id), which binds the device to this phone if it is its first sign-in. */
    static String signIn(String phone, String deviceId) {
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build()).status());
        String code = awaitCodes(List.of(phone), Duration.ofSeconds(60)).get(phone);
        Api.Reply reply = Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", phone).add("code", code).build(),
                "X-Device-Id", deviceId);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    /** A fresh device identifier, as an app would make one. */
    static String newDevice() {
        return "it-device-" + UUID.randomUUID();
    }

    /** Signs all of them in, in parallel; returns phone → bearer token. */
    static Map<String, String> signIn(Collection<String> phones) {
        // only codes sent for this sign-in: a number signing in again still has its earlier code in the store
        Object asked = Database.rows("SELECT clock_timestamp()").get(0).get(0);
        parallel(phones, phone -> assertEquals(202,
                Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build()).status()));
        Map<String, String> codes = awaitCodes(phones, Duration.ofSeconds(60), asked);
        Map<String, String> tokens = new ConcurrentHashMap<>();
        parallel(phones, phone -> {
            Api.Reply reply = Api.post("/auth/tokens", Json.createObjectBuilder()
                    .add("phone", phone).add("code", codes.get(phone)).build());
            assertEquals(201, reply.status(), reply.body());
            tokens.put(phone, reply.json().getString("token"));
        });
        return new LinkedHashMap<>(tokens);
    }

    /** Waits until the local SMS adapter holds a code for every phone; returns the newest code per phone. */
    static Map<String, String> awaitCodes(Collection<String> phones, Duration patience) {
        return awaitCodes(phones, patience, java.sql.Timestamp.from(Instant.EPOCH));
    }

    /** As above, counting only messages stored after {@code since} (a timestamp from the database's clock). */
    static Map<String, String> awaitCodes(Collection<String> phones, Duration patience, Object since) {
        Instant deadline = Instant.now().plus(patience);
        Set<String> wanted = new HashSet<>(phones);
        while (true) {
            Map<String, String> codes = new LinkedHashMap<>();
            for (List<Object> row : Database.rows("SELECT recipient, body FROM local_sms_message"
                    + " WHERE recipient = ANY (?) AND stored_at > ? ORDER BY stored_at, id",
                    (Object) wanted.toArray(new String[0]), since)) {
                Matcher m = CODE.matcher((String) row.get(1));
                if (m.find()) {
                    codes.put((String) row.get(0), m.group(1));
                }
            }
            if (codes.keySet().containsAll(wanted)) {
                return codes;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("SMS codes did not arrive for " + (wanted.size() - codes.size()) + " phones");
            }
            sleep(100);
        }
    }

    static void parallel(Collection<String> items, java.util.function.Consumer<String> action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(32, Math.max(1, items.size())));
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (String item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
