package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.polls.OptionView;

/** One answer option. {@code value} is the id as the string a select or checkbox submits. */
public class OptionItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final int position;
    private final String label;

    public OptionItem(OptionView o) {
        id = o.id();
        position = o.position();
        label = o.label();
    }

    public long getId() {
        return id;
    }

    public String getValue() {
        return Long.toString(id);
    }

    public int getPosition() {
        return position;
    }

    public String getLabel() {
        return label;
    }
}
