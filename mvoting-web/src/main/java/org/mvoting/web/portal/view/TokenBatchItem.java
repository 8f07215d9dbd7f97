package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.events.TokenBatch;
import org.mvoting.web.portal.PortalTime;

/** A batch of printed tokens waiting for a second person, as the console lists it. */
public class TokenBatchItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final int tokens;
    private final String issuedBy;
    private final String issuedAt;

    public TokenBatchItem(TokenBatch batch) {
        id = batch.id().toString();
        tokens = batch.tokens();
        issuedBy = batch.issuedBy();
        issuedAt = PortalTime.seconds(batch.issuedAt());
    }

    public String getId() {
        return id;
    }

    public int getTokens() {
        return tokens;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    /** On the city's clock. */
    public String getIssuedAt() {
        return issuedAt;
    }
}
