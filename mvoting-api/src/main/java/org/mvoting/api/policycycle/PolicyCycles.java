package org.mvoting.api.policycycle;

import jakarta.ejb.Local;
import java.util.UUID;
import org.mvoting.api.polls.Actor;

/**
 * The policy cycle of city polls. The poll's own department (its OPERATOR or DEPT_HEAD) records the steps once the
 * poll has closed; anyone reads them beside the results. Recording the first decision tells the citizens who took
 * part, once. Every step and document leaves an audit entry.
 */
@Local
public interface PolicyCycles {

    /** The cycle of a published city-to-citizen poll (public). */
    PolicyCycleView cycle(UUID pollId);

    /**
     * Records a step (or corrects one), in order; {@code linkBase} is the citizens' address of the site, for the
     * SMS that the first decision sends.
     */
    PolicyStepView record(UUID pollId, PolicyStepEntry entry, String linkBase, Actor actor);

    /** Attaches a PDF to a step that has none (a step's document is never replaced: correct the step instead). */
    PolicyStepView attachDocument(UUID pollId, UUID stepId, String fileName, byte[] content, Actor actor);

    /** A step's PDF (public, like the step). */
    PolicyDocumentFile document(UUID pollId, UUID stepId);
}
