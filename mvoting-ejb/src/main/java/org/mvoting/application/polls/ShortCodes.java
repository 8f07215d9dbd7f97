package org.mvoting.application.polls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.PollRepository;

/** Short link codes (/p/{code}): 8 characters of an alphabet without look-alikes (no 0/o, 1/l/i). */
@ApplicationScoped
public class ShortCodes {

    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    @Inject
    private PollRepository polls;

    @Inject
    private ServerSecrets secrets;

    /** A code no poll has yet. */
    public String next() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                code.append(ALPHABET.charAt(secrets.random().nextInt(ALPHABET.length())));
            }
            if (!polls.shortCodeTaken(code.toString())) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free short code after 10 tries");
    }
}
