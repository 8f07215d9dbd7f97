package org.mvoting.domain.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.api.citizens.Stratum;

/**
 * The seeded, reproducible draw. Every eligible member gets the key HMAC-SHA256(seed, their citizen id as lower-case
 * text); within each quota cell members are ranked by that key in ascending unsigned byte order (ties, which SHA-256
 * makes practically impossible, by citizen id), and the first target x overdraw ranks are kept. Ranks 1..target are
 * invited at the draw, the later ones as replacements. Anyone holding the seed and the panel as it was at the draw
 * gets the same ranks: that is what the recorded {@link #ALGORITHM} promises an auditor.
 */
public final class SampleDraw {

    public static final String ALGORITHM = "HMAC-SHA256(seed, lower-case citizen UUID as UTF-8), ascending unsigned"
            + " per quota cell; keep target x overdraw ranks; invite ranks 1..target, later ranks as replacements";
    public static final int SEED_BYTES = 32;

    /** A panel member the design admits, with the stratum their profile gives at the draw. */
    public record Candidate(UUID citizenId, byte[] voterKey, Stratum stratum) {

        public Candidate {
            Objects.requireNonNull(citizenId, "citizenId");
            Objects.requireNonNull(stratum, "stratum");
            voterKey = voterKey.clone();
        }
    }

    /** One drawn member: the cell and the rank in it (1 first). */
    public record Drawn(Candidate member, QuotaCell cell, int rank) {
    }

    private SampleDraw() {
    }

    /** The member's draw key under this seed. */
    public static byte[] key(byte[] seed, UUID citizenId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            return mac.doFinal(citizenId.toString().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Ranks each cell's candidates and keeps {@code targets.get(cell) * overdraw} of them. Candidates whose cell has
     * no target are not drawn ({@code cellOf} says which cell a candidate is in).
     */
    public static List<Drawn> draw(byte[] seed, List<Candidate> candidates, Map<QuotaCell, Integer> targets,
                                   java.util.function.Function<Stratum, QuotaCell> cellOf, int overdraw) {
        Map<QuotaCell, List<Keyed>> byCell = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            QuotaCell cell = cellOf.apply(candidate.stratum());
            if (targets.containsKey(cell)) {
                byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(new Keyed(key(seed, candidate.citizenId()), candidate));
            }
        }
        List<Drawn> drawn = new ArrayList<>();
        byCell.forEach((cell, members) -> {
            members.sort(Comparator.<Keyed, byte[]>comparing(Keyed::key, Arrays::compareUnsigned)
                    .thenComparing(k -> k.member().citizenId()));
            long keep = Math.min(members.size(), (long) targets.get(cell) * overdraw);
            for (int i = 0; i < keep; i++) {
                drawn.add(new Drawn(members.get(i).member(), cell, i + 1));
            }
        });
        return drawn;
    }

    private record Keyed(byte[] key, Candidate member) {
    }
}
