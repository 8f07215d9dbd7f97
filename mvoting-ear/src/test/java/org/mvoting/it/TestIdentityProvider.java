package org.mvoting.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test plays the mobile office's identity provider: RSA keys under kids, served as a JSON Web Key Set by a local
 * HTTP server (JDK com.sun.net.httpserver) that WildFly, on the same machine, fetches; RS256 tokens signed with them.
 * Keys can be added and retired (rotation), and the server stopped (outage).
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String ISSUER = "https://mobile-office.test/idp";
    static final String AUDIENCE = "mvoting-test";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;

    TestIdentityProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** How often the key set was fetched. */
    int fetches() {
        return fetches.get();
    }

    /** A new signing key under this kid, served from now on. */
    synchronized TestIdentityProvider addKey(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys.put(kid, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The key is no longer served (its tokens fail once mVoting's copy of the set is renewed). */
    synchronized void retireKey(String kid) {
        keys.remove(kid);
    }

    /** A token for the staff member, valid for ten minutes, signed with the key under kid. */
    String token(String kid, String staffId) {
        return token(kid, staffId, AUDIENCE, Instant.now().plusSeconds(600).getEpochSecond());
    }

    synchronized String token(String kid, String staffId, String audience, long exp) {
        KeyPair key = keys.get(kid);
        if (key == null) {
            throw new IllegalArgumentException("no key " + kid);
        }
        String header = B64.encodeToString(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT")
                .add("kid", kid).build().toString().getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(Json.createObjectBuilder().add("iss", ISSUER).add("sub", staffId)
                .add("aud", audience).add("exp", exp).add("iat", Math.min(exp, Instant.now().getEpochSecond()) - 60)
                .build().toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized String jwks() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        keys.forEach((kid, pair) -> {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            list.add(Json.createObjectBuilder().add("kty", "RSA").add("kid", kid).add("use", "sig").add("alg", "RS256")
                    .add("n", unsigned(key.getModulus())).add("e", unsigned(key.getPublicExponent())));
        });
        return Json.createObjectBuilder().add("keys", list).build().toString();
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return B64.encodeToString(bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    /** Stops serving: mVoting's next fetch fails. */
    @Override
    public void close() {
        server.stop(0);
    }
}
