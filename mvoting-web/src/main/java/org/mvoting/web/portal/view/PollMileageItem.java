package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.mileage.PollMileage;

/** One poll's mileage in a month (the mileage page). */
public class PollMileageItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String pollId;
    private final String title;
    private final int mileageWon;
    private final long awards;
    private final long reversals;
    private final long netWon;

    public PollMileageItem(PollMileage p) {
        pollId = p.pollId().toString();
        title = p.pollTitle();
        mileageWon = p.mileageWon();
        awards = p.awards();
        reversals = p.reversals();
        netWon = p.netWon();
    }

    public String getPollId() {
        return pollId;
    }

    public String getTitle() {
        return title;
    }

    public int getMileageWon() {
        return mileageWon;
    }

    public long getAwards() {
        return awards;
    }

    public long getReversals() {
        return reversals;
    }

    public long getNetWon() {
        return netWon;
    }
}
