package org.mvoting.application.staff;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import org.mvoting.api.errors.RoleRequiredException;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.StaffCaller;

/** Refuses a service call unless the authenticated member of staff holds one of the method's roles. */
@AllowedRoles
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RoleCheck {

    @Inject
    private StaffCaller caller;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        AllowedRoles allowed = invocation.getMethod().getAnnotation(AllowedRoles.class);
        if (allowed == null) {
            allowed = invocation.getMethod().getDeclaringClass().getAnnotation(AllowedRoles.class);
        }
        if (allowed == null || !caller.hasAnyRole(Set.of(allowed.value()))) {
            throw new RoleRequiredException();
        }
        return invocation.proceed();
    }
}
