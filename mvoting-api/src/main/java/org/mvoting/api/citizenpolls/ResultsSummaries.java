package org.mvoting.api.citizenpolls;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/**
 * Results summaries of closed polls (citizens' petitions first; any closed poll that is not a staff poll) and
 * their public check. Anyone may read them: a closed poll's results are public.
 */
@Local
public interface ResultsSummaries {

    /** The poll's summary, issued (with its verification code) the first time it is asked for; 409 while open. */
    ResultsSummary summary(UUID pollId);

    /** The kept PDF of the summary, if it was made already. */
    Optional<byte[]> pdf(UUID pollId);

    /** Keeps the PDF made for the summary (the first one kept wins) and returns the one kept. */
    byte[] keepPdf(UUID pollId, byte[] pdf);

    /** The public check by verification code (any spacing or case); 404 summary-not-found for an unknown code. */
    SummaryCheck check(String verificationCode);

    /** The public check of a PDF file: valid only if it is byte for byte a summary PDF mVoting issued. */
    SummaryCheck checkPdf(byte[] pdf);
}
