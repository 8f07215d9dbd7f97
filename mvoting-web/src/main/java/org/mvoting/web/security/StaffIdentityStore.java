package org.mvoting.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.mvoting.api.staff.StaffSignIn;

/**
 * Jakarta Security's view of the staff directory: an LDAP bind, roles from directory groups, through
 * {@link StaffSignIn}, which locks an ID per client address and an address across IDs in the database (every node
 * sees the same locks), trusts a verified login briefly, and audits logins. A lock is a
 * {@link org.mvoting.api.errors.TooManyRequestsException}, which the callers turn into a 429 or a portal message.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @EJB
    private StaffSignIn signIn;

    /** As {@link #validate(UsernamePasswordCredential, String, StaffSignIn.Channel)} from an unknown address. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return validate(credential, "", StaffSignIn.Channel.PORTAL);
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential, String clientAddress,
                                               StaffSignIn.Channel channel) {
        return signIn.logIn(credential.getCaller(), credential.getPasswordAsString(), clientAddress, channel)
                .map(staff -> new CredentialValidationResult(staff.staffId(), staff.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
