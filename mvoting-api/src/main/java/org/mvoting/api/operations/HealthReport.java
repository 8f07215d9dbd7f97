package org.mvoting.api.operations;

import java.util.List;
import java.util.Objects;

/**
 * A node's health in the shape MicroProfile Health answers with ({@code {"status":"UP","checks":[...]}}), so the
 * tools operators point at WildFly read it the same way. UP when every required check is UP; a check that is not
 * required (the shared directory, by default) is reported but cannot take the node out.
 *
 * @param checks the checks, in a fixed order
 */
public record HealthReport(List<Check> checks) {

    /** The longest one readiness check may take before it counts as DOWN ("timeout"). */
    public static final int CHECK_BUDGET_MILLIS = 1_500;

    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** Whether the node should get traffic: every required check is UP. */
    public boolean up() {
        return checks.stream().allMatch(c -> c.up() || !c.required());
    }

    /**
     * One check. {@code reason} is null when UP, or one of {@link Check#TIMEOUT}, {@link Check#UNREACHABLE},
     * {@link Check#REFUSED}, {@link Check#NOT_CONFIGURED}: never an exception's text, a host name or a login.
     *
     * @param name     database, directory, messaging, deployment
     * @param up       whether it answered as it should
     * @param required whether DOWN takes the node out of service
     * @param reason   why not, from the fixed vocabulary; null when UP (or when UP but not configured)
     */
    public record Check(String name, boolean up, boolean required, String reason) {

        /** Gave no answer within {@link HealthReport#CHECK_BUDGET_MILLIS}. */
        public static final String TIMEOUT = "timeout";
        /** Could not be reached or failed while asked. */
        public static final String UNREACHABLE = "unreachable";
        /** Answered, but refused mVoting (a login or a missing queue). */
        public static final String REFUSED = "refused";
        /** Not set up on this node (no MVOTING_LDAP_URL): nothing to check. */
        public static final String NOT_CONFIGURED = "not-configured";

        public Check {
            Objects.requireNonNull(name);
        }

        public static Check up(String name, boolean required) {
            return new Check(name, true, required, null);
        }

        public static Check down(String name, boolean required, String reason) {
            return new Check(name, false, required, Objects.requireNonNull(reason));
        }
    }
}
