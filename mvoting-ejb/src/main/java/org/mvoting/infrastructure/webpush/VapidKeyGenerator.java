package org.mvoting.infrastructure.webpush;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/**
 * Prints a fresh VAPID key pair as the two settings, for an operator to put in the environment of every node:
 * {@code java -cp mvoting-ejb/target/classes org.mvoting.infrastructure.webpush.VapidKeyGenerator}. Needs only the JDK.
 */
public final class VapidKeyGenerator {

    private VapidKeyGenerator() {
    }

    public static void main(String[] args) {
        KeyPair pair = P256.generate();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("MVOTING_VAPID_PUBLIC_KEY=" + P256.base64Url(P256.encode((ECPublicKey) pair.getPublic())));
        out.println("MVOTING_VAPID_PRIVATE_KEY=" + P256.base64Url(P256.encode((ECPrivateKey) pair.getPrivate())));
    }
}
