package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.events.OptionCount;

/** One option's count in an event question: phone ballots, the paper count entered, and the two combined. */
public class OptionCountItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long optionId;
    private final int position;
    private final String label;
    private final long phone;
    private final long paper;
    private final long combined;

    public OptionCountItem(OptionCount c) {
        optionId = c.optionId();
        position = c.position();
        label = c.label();
        phone = c.phone();
        paper = c.paper();
        combined = c.combined();
    }

    public long getOptionId() {
        return optionId;
    }

    public int getPosition() {
        return position;
    }

    public String getLabel() {
        return label;
    }

    public long getPhone() {
        return phone;
    }

    public long getPaper() {
        return paper;
    }

    public long getCombined() {
        return combined;
    }

    /** The numbers only, for noticing that a count changed. */
    String counts() {
        return optionId + ":" + phone + "/" + paper + "/" + combined;
    }
}
