package org.mvoting.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.mvoting.api.staff.StaffDirectory;

/** Jakarta Security's view of the staff directory: an LDAP bind, roles from directory groups. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @EJB
    private StaffDirectory directory;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return directory.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(staff -> new CredentialValidationResult(staff.staffId(), staff.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
