package org.mvoting.application.ballots;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;

/**
 * Runs a mixing round every second. MVOTING_MIX_MIN_BATCH (default 5) is how many ballots must be waiting
 * before a poll's ballots are mixed into the clear tables and the live tally; closing a poll mixes the rest.
 */
@Singleton
public class BallotMixingTimer {

    private static final Logger LOG = Logger.getLogger(BallotMixingTimer.class.getName());
    private static final int MINIMUM_BATCH = CitySettings.mixMinBatch();

    @EJB
    private BallotMixing mixing;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void mix() {
        try {
            int moved = mixing.mixReadyPolls(MINIMUM_BATCH);
            if (moved > 0) {
                LOG.fine(() -> "mixed " + moved + " ballots");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Mixing round failed; the ballots stay in the inbox for the next round", e);
        }
    }
}
